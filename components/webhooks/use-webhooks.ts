"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { fetchAllPages } from "@/lib/api/fetch-all-pages";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Page } from "@/lib/db/keyset-page";
import { queryKeys } from "@/lib/query-keys";
import type {
  WebhookDeliveryDetail,
  WebhookDeliveryDto,
  WebhookDeliveryPage,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from "@/lib/webhooks/schemas";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";

type EndpointList = Page<WebhookEndpointDto>;
export type EndpointCreateBody = { url: string; description: string; eventTypes: string[] };
export type EndpointUpdateBody = Partial<EndpointCreateBody> & { enabled?: boolean };
export type DeliveryStatusFilter = WebhookDeliveryDto["status"] | "all";

function useBase() {
  const { org } = useDashboard();
  return { slug: org.slug, base: `/api/v1/orgs/${encodeURIComponent(org.slug)}/webhooks` };
}

export function useWebhookEndpoints(initial?: EndpointList) {
  const { slug, base } = useBase();
  return useQuery({ queryKey: queryKeys.webhooks(slug), queryFn: ({ signal }) => fetchAllPages<EndpointList>(base, { signal }), initialData: initial });
}

export function useWebhookEndpoint(id: string, initial?: WebhookEndpointDto) {
  const { slug, base } = useBase();
  return useQuery({
    queryKey: queryKeys.webhook(slug, id),
    queryFn: ({ signal }) => fetchJson<WebhookEndpointDto>(`${base}/${encodeURIComponent(id)}`, { signal }),
    initialData: initial,
  });
}

/** Newest first, a page at a time; refreshed every few seconds while an attempt is still to come. */
export function useWebhookDeliveries(id: string, status: DeliveryStatusFilter, initial?: WebhookDeliveryPage) {
  const { slug, base } = useBase();
  return useInfiniteQuery({
    queryKey: [...queryKeys.webhookDeliveries(slug, id), status],
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams({ limit: "20" });
      if (status !== "all") search.set("status", status);
      if (pageParam) search.set("cursor", pageParam);
      return fetchJson<WebhookDeliveryPage>(`${base}/${encodeURIComponent(id)}/deliveries?${search}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initial && status === "all" ? { pages: [initial], pageParams: [null] } : undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.data.some((d) => d.status === "pending")) ? 3000 : false),
  });
}

export function useWebhookDelivery(endpointId: string, deliveryId: string, enabled: boolean) {
  const { slug, base } = useBase();
  return useQuery({
    queryKey: queryKeys.webhookDelivery(slug, endpointId, deliveryId),
    queryFn: ({ signal }) => fetchJson<WebhookDeliveryDetail>(`${base}/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}`, { signal }),
    enabled,
  });
}

export function useWebhookMutations() {
  const { slug, base } = useBase();
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(slug) });
  const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

  // Not optimistic: the response carries the only copy of the secret.
  const create = useMutation({
    mutationFn: (input: EndpointCreateBody) => fetchJson<WebhookEndpointWithSecretDto>(base, { method: "POST", body: input }),
    onSettled: settle,
  });

  const update = useMutation({
    mutationFn: ({ id, ...input }: EndpointUpdateBody & { id: string }) => fetchJson<WebhookEndpointDto>(at(id), { method: "PATCH", body: input }),
    onSuccess: (endpoint) => queryClient.setQueryData(queryKeys.webhook(slug, endpoint.id), endpoint),
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (endpoint: WebhookEndpointDto) => fetchJson<void>(at(endpoint.id), { method: "DELETE" }),
    onSuccess: (_data, endpoint) => toast.success("Endpoint deleted", { description: `Events are no longer sent to ${endpoint.url}.` }),
    onError: (error) => toast.error("Couldn't delete the endpoint", { description: errorMessage(error) }),
    onSettled: settle,
  });

  const rotate = useMutation({
    mutationFn: (id: string) => fetchJson<WebhookEndpointWithSecretDto>(`${at(id)}/rotate-secret`, { method: "POST" }),
  });

  const refreshDeliveries = (id: string) => queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(slug, id) });

  const sendTest = useMutation({
    mutationFn: (id: string) => fetchJson<WebhookDeliveryDto>(`${at(id)}/test`, { method: "POST" }),
    onSuccess: () => toast.success("Test event queued", { description: "It appears in the delivery log below." }),
    onError: (error) => toast.error("Couldn't send a test event", { description: errorMessage(error) }),
    onSettled: (_data, _error, id) => refreshDeliveries(id),
  });

  const replay = useMutation({
    mutationFn: (delivery: WebhookDeliveryDto) =>
      fetchJson<WebhookDeliveryDto>(`${at(delivery.endpointId)}/deliveries/${encodeURIComponent(delivery.id)}/replay`, { method: "POST" }),
    onSuccess: () => toast.success("Delivery queued again", { description: "The replay appears at the top of the log." }),
    onError: (error) => toast.error("Couldn't replay the delivery", { description: errorMessage(error) }),
    onSettled: (_data, _error, delivery) => refreshDeliveries(delivery.endpointId),
  });

  return { create, update, remove, rotate, sendTest, replay };
}
