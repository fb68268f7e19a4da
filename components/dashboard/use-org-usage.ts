"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { OrgUsage } from "@/lib/billing/entitlements";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard } from "./dashboard-context";

/** The org's plan, limits and features (GET …/usage), fetched once and shared by every component that shows them. */
export function useOrgUsage() {
  const { org } = useDashboard();
  return useQuery({
    queryKey: queryKeys.usage(org.slug),
    queryFn: ({ signal }) => fetchJson<OrgUsage>(`/api/v1/orgs/${encodeURIComponent(org.slug)}/usage`, { signal }),
  });
}
