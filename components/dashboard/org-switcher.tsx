"use client";

import Link from "next/link";
import { useId } from "react";
import type { OrgSummary } from "@/lib/orgs/service";
import { roleLabel } from "@/components/members/role-badge";
import { Avatar } from "@/components/ui/avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { CheckIcon, ChevronsUpDownIcon, PlusIcon } from "@/components/ui/icons";
import { useDashboard } from "./dashboard-context";

/** The current org, and a menu of the caller's other orgs (with their role in each). */
export function OrgSwitcher({ orgs }: { orgs: OrgSummary[] }) {
  const { org, role } = useDashboard();
  const currentId = useId();

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
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
      </DropdownMenuTrigger>
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
