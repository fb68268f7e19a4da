import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { webhookEndpointDtoSchema, webhookEndpointIdSchema, webhookEndpointUpdateSchema } from "@/lib/webhooks/schemas";
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/service";

const params = z.object({ id: webhookEndpointIdSchema });

export const GET = withOrg({ permission: "webhooks:manage", params, summary: "Get a webhook endpoint", response: webhookEndpointDtoSchema }, ({ ctx, tx, params }) =>
  getWebhookEndpoint(ctx, tx, params.id),
);

export const PATCH = withOrg(
  { permission: "webhooks:manage", params, body: webhookEndpointUpdateSchema, summary: "Update, disable or enable a webhook endpoint", response: webhookEndpointDtoSchema },
  ({ ctx, tx, params, body }) => updateWebhookEndpoint(ctx, tx, params.id, body),
);

export const DELETE = withOrg({ permission: "webhooks:manage", params, summary: "Delete a webhook endpoint and its delivery log" }, ({ ctx, tx, params }) =>
  deleteWebhookEndpoint(ctx, tx, params.id),
);
