import { withOrg } from "@/lib/api/with-org";
import { setCancelAtPeriodEnd } from "@/lib/billing/cancellation";
import { billingStateSchema } from "@/lib/billing/schemas";

/** Takes back a cancellation before the period ends. */
export const POST = withOrg(
  { summary: "Resume a cancelled subscription", permission: "billing:manage", response: billingStateSchema, errors: ["conflict", "unavailable"] },
  ({ ctx, tx }) => setCancelAtPeriodEnd(ctx, tx, false),
);
