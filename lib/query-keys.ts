import type { AuditFilters } from "@/lib/audit/schemas";
import type { ProjectListQuery } from "@/lib/projects/schemas";

/** Every TanStack Query key in one place, so invalidation never misses a spelling. */
export const queryKeys = {
  /** The signed-in person's profile (GET /api/v1/me). */
  me: () => ["me"] as const,
  security: () => ["me", "security"] as const,
  sessions: () => ["me", "sessions"] as const,
  securityEvents: () => ["me", "security-events"] as const,
  orgs: () => ["orgs"] as const,
  org: (org: string) => ["orgs", org] as const,
  members: (org: string) => ["orgs", org, "members"] as const,
  invitations: (org: string) => ["orgs", org, "invitations"] as const,
  projects: (org: string) => ["orgs", org, "projects"] as const,
  /** Prefix of every project list of an org, whatever its filters. */
  projectLists: (org: string) => ["orgs", org, "projects", "list"] as const,
  projectList: (org: string, query: Partial<Pick<ProjectListQuery, "q" | "status">>) => [...queryKeys.projectLists(org), query] as const,
  project: (org: string, id: string) => ["orgs", org, "projects", "detail", id] as const,
  /** The plan, its limits as used / max, and its features (GET …/usage). */
  usage: (org: string) => ["orgs", org, "usage"] as const,
  audit: (org: string) => ["orgs", org, "audit"] as const,
  apiKeys: (org: string) => ["orgs", org, "api-keys"] as const,
  webhooks: (org: string) => ["orgs", org, "webhooks"] as const,
  webhook: (org: string, id: string) => ["orgs", org, "webhooks", "detail", id] as const,
  /** Prefix of every delivery list of an endpoint, whatever its status filter. */
  webhookDeliveries: (org: string, id: string) => ["orgs", org, "webhooks", "detail", id, "deliveries"] as const,
  webhookDelivery: (org: string, id: string, deliveryId: string) => ["orgs", org, "webhooks", "detail", id, "delivery", deliveryId] as const,
  auditList: (org: string, filters: AuditFilters) => ["orgs", org, "audit", "list", filters] as const,
};
