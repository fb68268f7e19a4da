"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { ThemeRadioItems } from "@/components/theme/theme-options";
import { Avatar } from "@/components/ui/avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ChevronsUpDownIcon, LogOutIcon, SettingsIcon, ShieldCheckIcon } from "@/components/ui/icons";
import { useDashboard } from "./dashboard-context";

/**
 * Who is signed in, their account and security pages, the theme choice, and signing out
 * (other devices are signed out from the security page). The trigger shows the name only;
 * the email is inside, so pages that list people show each address once.
 */
export function UserMenu() {
  const { user } = useDashboard();
  const displayName = user.name ?? user.email;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex w-full items-center gap-3 rounded-lg px-2.5 py-2 text-left transition-colors hover:bg-muted data-[state=open]:bg-muted">
        <Avatar label={displayName} seed={user.id} size="sm" />
        <span className="grid min-w-0 flex-1">
          <span className="sr-only">Account menu: </span>
          <span className="truncate text-sm font-medium">{displayName}</span>
        </span>
        <ChevronsUpDownIcon className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent side="top" align="start" className="w-[var(--radix-dropdown-menu-trigger-width)] min-w-64">
        <div className="grid px-2 py-1.5">
          <span className="truncate text-sm font-medium">{displayName}</span>
          {user.name && <span className="truncate text-xs text-muted-foreground">{user.email}</span>}
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <SettingsIcon className="size-4 text-muted-foreground" />
            Account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account/security">
            <ShieldCheckIcon className="size-4 text-muted-foreground" />
            Security and devices
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <ThemeRadioItems />
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
          <LogOutIcon className="size-4 text-muted-foreground" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
