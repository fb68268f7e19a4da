import type { InfiniteData, QueryKey } from "@tanstack/react-query";
import type { ProjectDto, ProjectPage } from "@/lib/projects/schemas";
import { isProjectStatus, type ProjectStatus } from "@/lib/projects/statuses";

/** The list filters that live in the URL and in the query key. */
export type ProjectFilters = { q?: string; status?: ProjectStatus };
export type ProjectPages = InfiniteData<ProjectPage, string | null>;

/**
 * Reads the filters back out of a list's query key (queryKeys.projectList), where the list
 * put them already trimmed; anything else there counts as no filter.
 */
export function filtersOfKey(key: QueryKey): ProjectFilters {
  const last: unknown = key[key.length - 1];
  if (typeof last !== "object" || last === null) return {};
  const { q, status } = last as Record<string, unknown>;
  return { q: typeof q === "string" && q !== "" ? q : undefined, status: isProjectStatus(status) ? status : undefined };
}

/** The same test listProjects applies (case-insensitive match on name or description). */
export function matchesFilters(project: Pick<ProjectDto, "name" | "description" | "status">, filters: ProjectFilters): boolean {
  if (filters.status && project.status !== filters.status) return false;
  if (!filters.q) return true;
  const q = filters.q.toLowerCase();
  return project.name.toLowerCase().includes(q) || project.description.toLowerCase().includes(q);
}

function mapProjects(data: ProjectPages, fn: (projects: ProjectDto[], pageIndex: number) => ProjectDto[]): ProjectPages {
  return { ...data, pages: data.pages.map((page, i) => ({ ...page, data: fn(page.data, i) })) };
}

export const prependProject = (data: ProjectPages, project: ProjectDto) =>
  mapProjects(data, (projects, i) => (i === 0 ? [project, ...projects] : projects));

export const replaceProject = (data: ProjectPages, id: string, project: ProjectDto) =>
  mapProjects(data, (projects) => projects.map((p) => (p.id === id ? project : p)));

export const removeProject = (data: ProjectPages, id: string) => mapProjects(data, (projects) => projects.filter((p) => p.id !== id));

const OPTIMISTIC_PREFIX = "optimistic-";

/** A stand-in id for a project the server has not confirmed yet. */
export const optimisticId = () => `${OPTIMISTIC_PREFIX}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
export const isOptimistic = (project: ProjectDto) => project.id.startsWith(OPTIMISTIC_PREFIX);
