import { withOrg } from "@/lib/api/with-org";
import { billingState } from "@/lib/billing/state";

export const GET = withOrg({ permission: "billing:manage" }, ({ ctx, tx }) => billingState(ctx, tx));
