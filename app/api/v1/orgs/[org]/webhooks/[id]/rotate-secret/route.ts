import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { webhookEndpointIdSchema, webhookEndpointWithSecretSchema } from "@/lib/webhooks/schemas";
import { rotateWebhookSecret } from "@/lib/webhooks/service";

const params = z.object({ id: webhookEndpointIdSchema });

export const POST = withOrg(
  { permission: "webhooks:manage", params, summary: "Rotate a webhook endpoint's signing secret", response: webhookEndpointWithSecretSchema },
  ({ ctx, tx, params }) => rotateWebhookSecret(ctx, tx, params.id),
);
