"use client";

import Link from "next/link";
import type { LimitUsage } from "@/lib/billing/entitlements";
import { LIMIT_LABELS } from "@/lib/billing/labels";
import { buttonClasses } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useDashboard } from "./dashboard-context";
import { useOrgUsage } from "./use-org-usage";

const describe = (l: LimitUsage) => `${l.used.toLocaleString("en-US")} of ${(l.max ?? 0).toLocaleString("en-US")} ${LIMIT_LABELS[l.limit].many}`;

/**
 * Tells admins when the org is at 80% or more of a plan limit, with the way to more room.
 * Rendered only for people who can change the plan. The layout stays across navigations, so
 * usage is fetched once per visit rather than counted on every page render. Usage is only ever
 * fetched in the browser, so the server renders nothing here, not even the query that would wait for it.
 */
export function UsageBanner() {
  return useHydrated() ? <UsageCallout /> : null;
}

function UsageCallout() {
  const { org } = useDashboard();
  const { data } = useOrgUsage();
  const near = data?.limits.filter((l) => l.warning) ?? [];
  if (!data || near.length === 0) return null;
  const reached = near.filter((l) => l.reached);

  return (
    <Callout
      tone={reached.length > 0 ? "error" : "info"}
      className="mb-6 items-start"
      title={
        reached.length > 0
          ? `${org.name} has reached its ${data.plan.name} plan's limit`
          : `${org.name} is close to its ${data.plan.name} plan's limits`
      }
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p>
          {near.map(describe).join(" · ")}.{" "}
          {reached.length > 0 ? "Nothing is deleted, but adding more is refused until you upgrade." : "Upgrade before you run out of room."}
        </p>
        <Link href={data.upgradeUrl} className={buttonClasses({ variant: "secondary", size: "sm", className: "self-start sm:self-auto" })}>
          Manage plan
        </Link>
      </div>
    </Callout>
  );
}
