"use client";

import { signOut } from "next-auth/react";
import { ThemeRadioItems } from "@/components/theme/theme-options";
import { DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { LogOutIcon } from "@/components/ui/icons";

/** The end of every account menu: the theme choice, then sign out. */
export function MenuClosingItems() {
  return (
    <>
      <DropdownMenuSeparator />
      <DropdownMenuLabel>Theme</DropdownMenuLabel>
      <ThemeRadioItems />
      <DropdownMenuSeparator />
      <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
        <LogOutIcon className="size-4 text-muted-foreground" />
        Sign out
      </DropdownMenuItem>
    </>
  );
}
