"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { OrgUsage } from "@/lib/billing/entitlements";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard } from "./dashboard-context";

/**
 * The org's plan, limits and features (GET …/usage). The org layout seeds it for admins;
 * `enabled: false` keeps it from being fetched for anyone the page should not ask for.
 */
export function useOrgUsage({ initial, enabled = true }: { initial?: OrgUsage; enabled?: boolean } = {}) {
  const { org } = useDashboard();
  return useQuery({
    queryKey: queryKeys.usage(org.slug),
    queryFn: ({ signal }) => fetchJson<OrgUsage>(`/api/v1/orgs/${encodeURIComponent(org.slug)}/usage`, { signal }),
    initialData: initial,
    enabled,
  });
}
