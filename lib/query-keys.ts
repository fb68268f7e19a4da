import type { ProjectListQuery } from "@/lib/projects/schemas";

/** Every TanStack Query key in one place, so invalidation never misses a spelling. */
export const queryKeys = {
  orgs: () => ["orgs"] as const,
  org: (org: string) => ["orgs", org] as const,
  members: (org: string) => ["orgs", org, "members"] as const,
  projects: (org: string) => ["orgs", org, "projects"] as const,
  projectList: (org: string, query: Partial<Pick<ProjectListQuery, "q" | "status">>) => ["orgs", org, "projects", "list", query] as const,
  project: (org: string, id: string) => ["orgs", org, "projects", "detail", id] as const,
};
