"use client";

import { MenuClosingItems } from "@/components/account/menu-closing-items";
import { Avatar } from "@/components/ui/avatar";
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

type Props = { user: { id: string; name: string | null; email: string } };

/** The account pages' user menu: who is signed in, the theme, and signing out. */
export function AccountMenu({ user }: Props) {
  const displayName = user.name ?? user.email;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger aria-label="Account menu" className="rounded-full p-0.5 transition-colors hover:bg-muted data-[state=open]:bg-muted">
        <Avatar label={displayName} seed={user.id} size="sm" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <div className="grid px-2 py-1.5">
          <span className="truncate text-sm font-medium">{displayName}</span>
          {user.name && <span className="truncate text-xs text-muted-foreground">{user.email}</span>}
        </div>
        <MenuClosingItems />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
