import { withOrg } from "@/lib/api/with-org";
import { openPortal } from "@/lib/billing/checkout";
import { redirectUrlSchema } from "@/lib/billing/schemas";

export const POST = withOrg(
  { summary: "Open the Stripe billing portal", permission: "billing:manage", response: redirectUrlSchema, errors: ["conflict", "unavailable"] },
  ({ ctx, tx }) => openPortal(ctx, tx),
);
