import { withOrg } from "@/lib/api/with-org";
import { setCancelAtPeriodEnd } from "@/lib/billing/cancellation";

/** Cancels at the end of the paid period (also how an org downgrades to Free). */
export const POST = withOrg({ permission: "billing:manage" }, ({ ctx, tx }) => setCancelAtPeriodEnd(ctx, tx, true));
