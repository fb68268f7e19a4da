import { withOrg } from "@/lib/api/with-org";
import { openPortal } from "@/lib/billing/checkout";

export const POST = withOrg({ permission: "billing:manage" }, ({ ctx, tx }) => openPortal(ctx, tx));
