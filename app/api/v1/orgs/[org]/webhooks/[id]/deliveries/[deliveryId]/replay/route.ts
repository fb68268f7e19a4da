import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { webhookDeliveryDtoSchema, webhookDeliveryIdSchema, webhookEndpointIdSchema } from "@/lib/webhooks/schemas";
import { replayWebhookDelivery } from "@/lib/webhooks/service";

const params = z.object({ id: webhookEndpointIdSchema, deliveryId: webhookDeliveryIdSchema });

export const POST = withOrg(
  { permission: "webhooks:manage", params, status: 202, summary: "Replay a delivery as a new one", response: webhookDeliveryDtoSchema },
  ({ ctx, tx, params }) => replayWebhookDelivery(ctx, tx, params.id, params.deliveryId),
);
