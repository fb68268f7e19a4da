import { withOrg } from "@/lib/api/with-org";
import { startCheckout } from "@/lib/billing/checkout";
import { checkoutSchema, redirectUrlSchema } from "@/lib/billing/schemas";

export const POST = withOrg(
  { summary: "Start a Stripe Checkout", permission: "billing:manage", body: checkoutSchema, response: redirectUrlSchema, errors: ["conflict", "unavailable"] },
  ({ ctx, tx, body }) => startCheckout(ctx, tx, body),
);
