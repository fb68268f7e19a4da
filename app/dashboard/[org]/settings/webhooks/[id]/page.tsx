import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EndpointView } from "@/components/webhooks/endpoint-view";
import { WebhooksForbidden } from "@/components/webhooks/webhooks-forbidden";
import { AppError } from "@/lib/api/errors";
import { can } from "@/lib/auth/permissions";
import { loadAsMember } from "@/lib/orgs/load-as-member";
import { webhookEndpointPath } from "@/lib/webhooks/paths";
import { webhookDeliveryListQuerySchema, webhookEndpointIdSchema } from "@/lib/webhooks/schemas";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/lib/webhooks/service";

export const metadata: Metadata = { title: "Webhook endpoint" };

type Props = { params: Promise<{ org: string; id: string }> };

export default async function WebhookEndpointPage({ params }: Props) {
  const { org, id } = await params;
  if (!webhookEndpointIdSchema.safeParse(id).success) notFound();
  const result = await loadAsMember(org, "org:read", webhookEndpointPath(org, id), async (ctx, tx) => {
    if (!can(ctx.role, "webhooks:manage")) return { org: ctx.org, loaded: null };
    try {
      const endpoint = await getWebhookEndpoint(ctx, tx, id);
      return { org: ctx.org, loaded: { endpoint, deliveries: await listWebhookDeliveries(ctx, tx, id, webhookDeliveryListQuerySchema.parse({})) } };
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") return { org: ctx.org, loaded: "missing" as const };
      throw error;
    }
  });
  if (result.loaded === "missing") notFound();
  if (!result.loaded) return <WebhooksForbidden org={result.org} />;
  return <EndpointView initial={result.loaded.endpoint} deliveries={result.loaded.deliveries} />;
}
