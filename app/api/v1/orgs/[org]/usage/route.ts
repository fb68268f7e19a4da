import { withOrg } from "@/lib/api/with-org";
import { orgUsage } from "@/lib/billing/entitlements";
import { orgUsageSchema } from "@/lib/billing/schemas";

/** The plan, each limit as used / max with its warning flag, and the plan's features. */
export const GET = withOrg({ summary: "Get plan usage", permission: "org:read", response: orgUsageSchema }, ({ ctx, tx }) => orgUsage(ctx, tx));
