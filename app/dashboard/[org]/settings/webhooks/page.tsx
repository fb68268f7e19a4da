import type { Metadata } from "next";
import { WebhooksForbidden } from "@/components/webhooks/webhooks-forbidden";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { can } from "@/lib/auth/permissions";
import { loadAsMember } from "@/lib/orgs/load-as-member";
import { webhooksPath } from "@/lib/webhooks/paths";
import { listWebhookEndpoints } from "@/lib/webhooks/service";

export const metadata: Metadata = { title: "Webhooks" };

type Props = { params: Promise<{ org: string }> };

export default async function WebhooksPage({ params }: Props) {
  const { org } = await params;
  // Members whose role cannot manage webhooks get an explanation inside the dashboard, not a crash page.
  const result = await loadAsMember(org, "org:read", webhooksPath(org), async (ctx, tx) => ({
    org: ctx.org,
    endpoints: can(ctx.role, "webhooks:manage") ? await listWebhookEndpoints(ctx, tx) : null,
  }));
  if (!result.endpoints) return <WebhooksForbidden org={result.org} />;
  return <WebhooksView initial={result.endpoints} />;
}
