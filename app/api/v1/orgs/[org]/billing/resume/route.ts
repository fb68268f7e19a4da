import { withOrg } from "@/lib/api/with-org";
import { setCancelAtPeriodEnd } from "@/lib/billing/cancellation";

/** Takes back a cancellation before the period ends. */
export const POST = withOrg({ permission: "billing:manage" }, ({ ctx, tx }) => setCancelAtPeriodEnd(ctx, tx, false));
