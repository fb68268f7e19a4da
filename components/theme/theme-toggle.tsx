"use client";

import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { buttonClasses } from "@/components/ui/button";
import { MoonIcon, SunIcon } from "@/components/ui/icons";
import { ThemeRadioItems } from "./theme-options";

/** Icon button for pages without a user menu (marketing, sign-in). */
export function ThemeToggle() {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger aria-label="Change theme" className={buttonClasses({ variant: "ghost", size: "icon" })}>
        {/* Both icons render; CSS shows the one for the active theme, so there is no flash. */}
        <SunIcon className="size-4 dark:hidden" />
        <MoonIcon className="hidden size-4 dark:block" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-44">
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <ThemeRadioItems />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
