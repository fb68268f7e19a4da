"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, PAUSED_WHEN_READ_ONLY, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";
import type { Feature } from "@/lib/billing/plans";
import { billingPath } from "@/lib/billing/paths";

type DashboardOrg = { id: string; slug: string; name: string; personal: boolean };
type DashboardUser = { id: string; name: string | null; email: string };
/** Dunning as the layout resolved it: a grace end while a payment is overdue, and whether it has passed. */
type DashboardBilling = { graceEndsAt: string | null; readOnly: boolean };
/** The org's plan as the layout resolved it (from the membership, no query): what pages offer depends on it. */
type DashboardPlan = { name: string; features: Record<Feature, boolean> };
type DashboardValue = { org: DashboardOrg; role: Role; user: DashboardUser; billing: DashboardBilling; plan: DashboardPlan };

const DashboardContext = createContext<DashboardValue | null>(null);

/** The org, the caller's role in it and the caller, as the org layout resolved them. */
export function DashboardProvider({ value, children }: { value: DashboardValue; children: ReactNode }) {
  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}

export function useDashboard(): DashboardValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error("useDashboard must be used inside the org layout (DashboardProvider).");
  return value;
}

/**
 * Whether to show a control. The API enforces the same permission table; this only
 * keeps people from being offered what they would be refused.
 */
export function useCan(permission: Permission): boolean {
  return can(useDashboard().role, permission);
}

/**
 * When the org's plan lacks `feature`: its name and where to upgrade, for the notice that
 * replaces the control. Known at render on server and client alike, so the first paint and
 * hydration agree. The API refuses the feature too (403 feature_unavailable).
 */
export function usePlanWithout(feature: Feature): { planName: string; upgradeUrl: string } | undefined {
  const { org, plan } = useDashboard();
  return plan.features[feature] ? undefined : { planName: plan.name, upgradeUrl: billingPath(org.slug) };
}

/** The id of the read-only notice, which disabled controls point at with aria-describedby. */
export const READ_ONLY_NOTICE_ID = "billing-read-only-notice";

/** Props for a write control: disabled, with a title and a pointer to the notice that says why. */
export type WriteBlock = { disabled: boolean; title?: string; "aria-describedby"?: string };

/**
 * Whether a control for `permission` is disabled right now: while a payment is overdue past
 * its grace period the API refuses these writes (402), so the controls stay visible but
 * disabled, pointing at the notice that says what to do.
 */
export function useWriteBlock(permission: Permission): WriteBlock {
  const block = useReadOnlyBlock();
  return PAUSED_WHEN_READ_ONLY.has(permission) ? block : { disabled: false };
}

/** The same, for a write its service pauses although its route permission is not paused (creating an API key). */
export function useReadOnlyBlock(): WriteBlock {
  const { billing } = useDashboard();
  if (!billing.readOnly) return { disabled: false };
  return { disabled: true, title: "Read-only until the overdue payment is made", "aria-describedby": READ_ONLY_NOTICE_ID };
}
