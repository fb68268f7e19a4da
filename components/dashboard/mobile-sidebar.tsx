"use client";

import type { OrgSummary } from "@/lib/orgs/service";
import { buttonClasses } from "@/components/ui/button";
import { deferredPopup } from "@/components/ui/deferred-popup";
import { MenuIcon } from "@/components/ui/icons";

// Radix's dialog is fetched when the menu button is first hovered, focused or pressed.
const MobileSidebarDrawer = deferredPopup("dialog", () => import("./mobile-sidebar-drawer").then((m) => m.MobileSidebarDrawer));

/**
 * The sidebar as a modal drawer below `lg`. The shell remounts it on every navigation,
 * which is what closes it after a link.
 */
export function MobileSidebar({ orgs }: { orgs: OrgSummary[] }) {
  return (
    <MobileSidebarDrawer
      orgs={orgs}
      trigger={
        <button type="button" aria-label="Open navigation" className={buttonClasses({ variant: "ghost", size: "icon", className: "-ml-2" })}>
          <MenuIcon className="size-5" />
        </button>
      }
    />
  );
}
