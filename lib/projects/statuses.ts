/**
 * A project's statuses, apart from the zod schemas so that client components can check a
 * value against them without loading the schema library (the projects page's script budget).
 */
export const PROJECT_STATUSES = ["active", "paused", "archived"] as const;

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export function isProjectStatus(value: unknown): value is ProjectStatus {
  return PROJECT_STATUSES.some((status) => status === value);
}
