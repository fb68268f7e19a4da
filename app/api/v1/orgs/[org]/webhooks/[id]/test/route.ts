import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { webhookDeliveryDtoSchema, webhookEndpointIdSchema } from "@/lib/webhooks/schemas";
import { sendTestWebhook } from "@/lib/webhooks/service";

const params = z.object({ id: webhookEndpointIdSchema });

export const POST = withOrg(
  { permission: "webhooks:manage", params, status: 202, summary: "Send a test event to a webhook endpoint", response: webhookDeliveryDtoSchema },
  ({ ctx, tx, params }) => sendTestWebhook(ctx, tx, params.id),
);
