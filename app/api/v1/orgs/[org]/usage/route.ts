import { withOrg } from "@/lib/api/with-org";
import { orgUsage } from "@/lib/billing/entitlements";

/** The plan, each limit as used / max with its warning flag, and the plan's features. */
export const GET = withOrg({ permission: "org:read" }, ({ ctx, tx }) => orgUsage(ctx, tx));
