"use client";

import Link from "next/link";
import type { OrgSummary } from "@/lib/orgs/service";
import { roleLabel } from "@/components/members/role-badge";
import { Avatar } from "@/components/ui/avatar";
import type { Trigger } from "@/components/ui/deferred-popup";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { CheckIcon, PlusIcon } from "@/components/ui/icons";
import { useDashboard } from "./dashboard-context";

/** The org switcher's menu: the caller's orgs (with their role in each) and "Create organization". */
export function OrgSwitcherDropdown({ orgs, trigger }: { orgs: OrgSummary[]; trigger: Trigger }) {
  const { org } = useDashboard();

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-[var(--radix-dropdown-menu-trigger-width)] min-w-64">
        <DropdownMenuLabel>Organizations</DropdownMenuLabel>
        <DropdownMenuGroup>
          {orgs.map((o) => (
            <DropdownMenuItem key={o.id} asChild>
              <Link
                // A prefetched org layout would carry the org list as it was when prefetched.
                prefetch={false}
                href={`/dashboard/${o.slug}/projects`}
                aria-current={o.slug === org.slug ? "true" : undefined}>
                <Avatar label={o.name} seed={o.id} shape="square" size="sm" />
                <span className="grid min-w-0 flex-1">
                  <span className="truncate font-medium">{o.name}</span>
                  <span className="truncate text-xs text-muted-foreground">
                    {roleLabel(o.role)}
                    {o.personal && " · Personal"}
                  </span>
                </span>
                {o.slug === org.slug && <CheckIcon className="size-4 text-link" />}
              </Link>
            </DropdownMenuItem>
          ))}
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/dashboard/new">
            <span className="inline-flex size-7 items-center justify-center rounded-md border border-dashed text-muted-foreground">
              <PlusIcon />
            </span>
            Create organization
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
