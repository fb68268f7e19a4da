"use client";

import { useId } from "react";
import type { OrgSummary } from "@/lib/orgs/service";
import { roleLabel } from "@/components/members/role-badge";
import { Avatar } from "@/components/ui/avatar";
import { deferredPopup } from "@/components/ui/deferred-popup";
import { ChevronsUpDownIcon } from "@/components/ui/icons";
import { useDashboard } from "./dashboard-context";

// Radix's menu is fetched when the switcher is first hovered, focused or pressed.
const OrgSwitcherDropdown = deferredPopup("menu", () => import("./org-switcher-dropdown").then((m) => m.OrgSwitcherDropdown));

/** The current org, and a menu of the caller's other orgs (with their role in each). */
export function OrgSwitcher({ orgs }: { orgs: OrgSummary[] }) {
  const { org, role } = useDashboard();
  const currentId = useId();

  return (
    <OrgSwitcherDropdown
      orgs={orgs}
      trigger={
        <button
          type="button"
          aria-label="Switch organization"
          aria-describedby={currentId}
          className="flex w-full items-center gap-3 rounded-lg border bg-surface px-2.5 py-2 text-left shadow-xs transition-colors hover:bg-muted data-[state=open]:bg-muted"
        >
          <Avatar label={org.name} seed={org.id} shape="square" size="sm" />
          <span className="grid min-w-0 flex-1">
            <span id={currentId} className="truncate text-sm font-medium">
              {org.name}
            </span>
            <span className="truncate text-xs text-muted-foreground">{roleLabel(role)}</span>
          </span>
          <ChevronsUpDownIcon className="size-4 shrink-0 text-muted-foreground" />
        </button>
      }
    />
  );
}
