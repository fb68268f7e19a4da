"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";

type DashboardOrg = { id: string; slug: string; name: string; personal: boolean };
type DashboardUser = { id: string; name: string | null; email: string };
type DashboardValue = { org: DashboardOrg; role: Role; user: DashboardUser };

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
