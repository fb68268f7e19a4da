import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { webhookDeliveryListQuerySchema, webhookDeliveryPageSchema, webhookEndpointIdSchema } from "@/lib/webhooks/schemas";
import { listWebhookDeliveries } from "@/lib/webhooks/service";

const params = z.object({ id: webhookEndpointIdSchema });

export const GET = withOrg(
  { permission: "webhooks:manage", params, query: webhookDeliveryListQuerySchema, summary: "List a webhook endpoint's deliveries", response: webhookDeliveryPageSchema },
  ({ ctx, tx, params, query }) => listWebhookDeliveries(ctx, tx, params.id, query),
);
