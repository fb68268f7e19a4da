import { withOrg } from "@/lib/api/with-org";
import { webhookEndpointCreateSchema, webhookEndpointListQuerySchema, webhookEndpointListSchema, webhookEndpointWithSecretSchema } from "@/lib/webhooks/schemas";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/service";

export const GET = withOrg(
  { permission: "webhooks:manage", summary: "List webhook endpoints", query: webhookEndpointListQuerySchema, response: webhookEndpointListSchema },
  ({ ctx, tx, query }) => listWebhookEndpoints(ctx, tx, query),
);

export const POST = withOrg(
  { permission: "webhooks:manage", body: webhookEndpointCreateSchema, status: 201, summary: "Register a webhook endpoint", response: webhookEndpointWithSecretSchema },
  ({ ctx, tx, body }) => createWebhookEndpoint(ctx, tx, body),
);
