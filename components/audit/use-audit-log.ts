"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import type { AuditFilters, AuditPage } from "@/lib/audit/schemas";
import { queryKeys } from "@/lib/query-keys";

/** The first page the server rendered, and the filters it rendered it for. */
export type InitialAudit = { filters: AuditFilters; page: AuditPage };

const FILTER_KEYS = ["action", "actor", "target", "from", "to"] as const satisfies readonly (keyof AuditFilters)[];

/** The filters as query parameters, shared by the list, the export and the address bar. */
export function filterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

const sameFilters = (a: AuditFilters, b: AuditFilters) => filterParams(a).toString() === filterParams(b).toString();

/** Cursor-paged events for `filters`; other filters fetch while the previous results stay on screen. */
export function useAuditLog(org: string, filters: AuditFilters, initial: InitialAudit) {
  const seeded = sameFilters(filters, initial.filters);
  return useInfiniteQuery({
    queryKey: queryKeys.auditList(org, filters),
    queryFn: ({ pageParam, signal }) => {
      const params = filterParams(filters);
      if (pageParam) params.set("cursor", pageParam);
      const query = params.toString();
      return fetchJson<AuditPage>(`/api/v1/orgs/${encodeURIComponent(org)}/audit${query ? `?${query}` : ""}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: seeded ? { pages: [initial.page], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
  });
}

/** Mirrors the filters into the address bar (shareable, survives reload) without a navigation. */
export function useFiltersInUrl(filters: AuditFilters) {
  useEffect(() => {
    const query = filterParams(filters).toString();
    const search = query ? `?${query}` : "";
    if (search !== window.location.search) window.history.replaceState(null, "", `${window.location.pathname}${search}`);
  }, [filters]);
}
