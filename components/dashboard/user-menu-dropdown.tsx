"use client";

import Link from "next/link";
import { MenuClosingItems } from "@/components/account/menu-closing-items";
import type { Trigger } from "@/components/ui/deferred-popup";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { SettingsIcon, ShieldCheckIcon } from "@/components/ui/icons";
import { useDashboard } from "./dashboard-context";

/** The user menu's content: who is signed in, account and security pages, theme, sign out. */
export function UserMenuDropdown({ trigger }: { trigger: Trigger }) {
  const { user } = useDashboard();
  const displayName = user.name ?? user.email;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
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
        <MenuClosingItems />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
