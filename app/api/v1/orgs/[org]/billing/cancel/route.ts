import { withOrg } from "@/lib/api/with-org";
import { setCancelAtPeriodEnd } from "@/lib/billing/cancellation";
import { billingStateSchema } from "@/lib/billing/schemas";

/** Cancels at the end of the paid period (also how an org downgrades to Free). */
export const POST = withOrg(
  { summary: "Cancel the subscription at period end", permission: "billing:manage", response: billingStateSchema, errors: ["conflict", "unavailable"] },
  ({ ctx, tx }) => setCancelAtPeriodEnd(ctx, tx, true),
);
