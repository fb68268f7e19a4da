"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { fetchAllPages } from "@/lib/api/fetch-all-pages";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ApiKeyDto, CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import type { Page } from "@/lib/db/keyset-page";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";

type ApiKeyList = Page<ApiKeyDto>;
export type ApiKeyCreateBody = { name: string; role: ApiKeyDto["role"]; expiresAt?: string };

export function useApiKeys() {
  const { org } = useDashboard();
  return useQuery({
    queryKey: queryKeys.apiKeys(org.slug),
    queryFn: ({ signal }) => fetchAllPages<ApiKeyList>(`/api/v1/orgs/${encodeURIComponent(org.slug)}/api-keys`, { signal }),
  });
}

export function useApiKeyMutations() {
  const { org } = useDashboard();
  const queryClient = useQueryClient();
  const key = queryKeys.apiKeys(org.slug);
  const base = `/api/v1/orgs/${encodeURIComponent(org.slug)}/api-keys`;
  const settle = () => queryClient.invalidateQueries({ queryKey: key });

  // Not optimistic: the response carries the only copy of the secret.
  const create = useMutation({
    mutationFn: (input: ApiKeyCreateBody) => fetchJson<CreatedApiKeyDto>(base, { method: "POST", body: input }),
    onSuccess: ({ key: _secret, ...created }) => queryClient.setQueryData<ApiKeyList>(key, (list) => list && { ...list, data: [created, ...list.data] }),
    onSettled: settle,
  });

  const revoke = useMutation({
    mutationFn: (apiKey: ApiKeyDto) => fetchJson<void>(`${base}/${encodeURIComponent(apiKey.id)}`, { method: "DELETE" }),
    onSuccess: (_data, apiKey) => toast.success(`Revoked ${apiKey.name}`, { description: "Requests with it are refused from now on." }),
    onError: (error, apiKey) => toast.error(`Couldn't revoke ${apiKey.name}`, { description: errorMessage(error) }),
    onSettled: settle,
  });

  return { create, revoke };
}
