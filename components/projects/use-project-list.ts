"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ProjectPage } from "@/lib/projects/schemas";
import { queryKeys } from "@/lib/query-keys";
import type { ProjectFilters } from "./project-cache";

/** The first page the server component rendered, and the filters it rendered it for. */
export type InitialProjects = { filters: ProjectFilters; page: ProjectPage };

function listUrl(org: string, filters: ProjectFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/api/v1/orgs/${encodeURIComponent(org)}/projects${query ? `?${query}` : ""}`;
}

const sameFilters = (a: ProjectFilters, b: ProjectFilters) => (a.q ?? "") === (b.q ?? "") && a.status === b.status;

/**
 * Cursor-paged projects for `filters`. The server-rendered page seeds the cache for the
 * filters it was rendered with; other filters fetch, showing the previous results meanwhile.
 */
export function useProjectList(org: string, filters: ProjectFilters, initial: InitialProjects) {
  const seeded = sameFilters(filters, initial.filters);
  return useInfiniteQuery({
    queryKey: queryKeys.projectList(org, filters),
    queryFn: ({ pageParam, signal }) => fetchJson<ProjectPage>(listUrl(org, filters, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: seeded ? { pages: [initial.page], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * Mirrors the filters into the address bar (shareable, survives reload) without a
 * navigation: Next keeps useSearchParams in step with history.replaceState.
 */
export function useFiltersInUrl(filters: ProjectFilters) {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    for (const key of ["q", "status"] as const) {
      const value = filters[key];
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const search = params.toString() ? `?${params}` : "";
    if (search !== window.location.search) window.history.replaceState(null, "", `${window.location.pathname}${search}`);
  }, [filters]);
}
