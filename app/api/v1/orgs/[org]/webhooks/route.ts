import { withOrg } from "@/lib/api/with-org";
import { webhookEndpointCreateSchema, webhookEndpointListSchema, webhookEndpointWithSecretSchema } from "@/lib/webhooks/schemas";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/service";

export const GET = withOrg({ permission: "webhooks:manage", summary: "List webhook endpoints", response: webhookEndpointListSchema }, ({ ctx, tx }) =>
  listWebhookEndpoints(ctx, tx),
);

export const POST = withOrg(
  { permission: "webhooks:manage", body: webhookEndpointCreateSchema, status: 201, summary: "Register a webhook endpoint", response: webhookEndpointWithSecretSchema },
  ({ ctx, tx, body }) => createWebhookEndpoint(ctx, tx, body),
);
