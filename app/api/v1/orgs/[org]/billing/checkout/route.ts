import { withOrg } from "@/lib/api/with-org";
import { startCheckout } from "@/lib/billing/checkout";
import { checkoutSchema } from "@/lib/billing/schemas";

export const POST = withOrg({ permission: "billing:manage", body: checkoutSchema }, ({ ctx, tx, body }) => startCheckout(ctx, tx, body));
