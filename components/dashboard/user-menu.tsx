"use client";

import { Avatar } from "@/components/ui/avatar";
import { deferredPopup } from "@/components/ui/deferred-popup";
import { ChevronsUpDownIcon } from "@/components/ui/icons";
import { useDashboard } from "./dashboard-context";

// Radix's menu and next-auth's client (for signing out) are fetched when the menu is first hovered, focused or pressed.
const UserMenuDropdown = deferredPopup("menu", () => import("./user-menu-dropdown").then((m) => m.UserMenuDropdown));

/**
 * Who is signed in, their account and security pages, the theme choice, and signing out
 * (other devices are signed out from the security page). The trigger shows the name only;
 * the email is inside, so pages that list people show each address once.
 */
export function UserMenu() {
  const { user } = useDashboard();
  const displayName = user.name ?? user.email;

  return (
    <UserMenuDropdown
      trigger={
        <button
          type="button"
          className="flex w-full items-center gap-3 rounded-lg px-2.5 py-2 text-left transition-colors hover:bg-muted data-[state=open]:bg-muted"
        >
          <Avatar label={displayName} seed={user.id} size="sm" />
          <span className="grid min-w-0 flex-1">
            <span className="sr-only">Account menu: </span>
            <span className="truncate text-sm font-medium">{displayName}</span>
          </span>
          <ChevronsUpDownIcon className="size-4 shrink-0 text-muted-foreground" />
        </button>
      }
    />
  );
}
