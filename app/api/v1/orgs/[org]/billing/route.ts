import { withOrg } from "@/lib/api/with-org";
import { billingStateSchema } from "@/lib/billing/schemas";
import { billingState } from "@/lib/billing/state";

export const GET = withOrg({ summary: "Get the billing state", permission: "billing:manage", response: billingStateSchema }, ({ ctx, tx }) =>
  billingState(ctx, tx),
);
