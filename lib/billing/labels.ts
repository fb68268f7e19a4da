import type { Feature, Limit } from "./plans";

/**
 * How limits and features read in messages and the dashboard. Apart from plans.ts so that
 * client components can import them without the plan definitions (which read env).
 */
export const LIMIT_LABELS: Record<Limit, { one: string; many: string }> = {
  projects: { one: "project", many: "projects" },
  members: { one: "seat", many: "seats" },
  apiCallsPerMonth: { one: "API call this month", many: "API calls this month" },
};

export const FEATURE_LABELS: Record<Feature, string> = {
  apiAccess: "API access",
  requireTwoFactor: "Requiring two-factor authentication",
  auditLogExport: "Audit-log export",
};
