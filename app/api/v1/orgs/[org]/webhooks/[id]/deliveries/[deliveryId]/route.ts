import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { webhookDeliveryDetailSchema, webhookDeliveryIdSchema, webhookEndpointIdSchema } from "@/lib/webhooks/schemas";
import { getWebhookDelivery } from "@/lib/webhooks/service";

const params = z.object({ id: webhookEndpointIdSchema, deliveryId: webhookDeliveryIdSchema });

export const GET = withOrg(
  { permission: "webhooks:manage", params, summary: "Get a delivery with its request and response", response: webhookDeliveryDetailSchema },
  ({ ctx, tx, params }) => getWebhookDelivery(ctx, tx, params.id, params.deliveryId),
);
