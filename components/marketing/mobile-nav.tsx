"use client";

import Link from "next/link";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { buttonClasses } from "@/components/ui/button";
import { MenuIcon } from "@/components/ui/icons";
import { ThemeRadioItems } from "@/components/theme/theme-options";
import { MARKETING_LINKS } from "./links";

const LINKS = [...MARKETING_LINKS, { href: "/sign-in", label: "Sign in" }];

/** The header's links and theme switch, folded into one menu on phones. */
export function MobileNav() {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger aria-label="Open menu" className={buttonClasses({ variant: "ghost", size: "icon", className: "sm:hidden" })}>
        <MenuIcon className="size-5" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        {LINKS.map((link) => (
          <DropdownMenuItem key={link.href} asChild>
            <Link href={link.href}>{link.label}</Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <ThemeRadioItems />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
