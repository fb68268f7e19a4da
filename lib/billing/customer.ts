import type Stripe from "stripe";
import type { Tx } from "@/lib/db/tenant-transaction";
import type { OrgContext } from "@/lib/orgs/context";

/**
 * The org's one Stripe customer, created the first time it is needed with the org id in its
 * metadata. The idempotency key makes two first calls at once get the same customer back
 * from Stripe; the row lock makes the second wait and then read the first one's id.
 */
export async function ensureCustomer(stripe: Stripe, ctx: OrgContext, tx: Tx): Promise<string> {
  const [org] = await tx.$queryRaw<{ stripeCustomerId: string | null }[]>`
    select "stripeCustomerId" from organizations where id = ${ctx.org.id} for no key update`;
  if (org?.stripeCustomerId) return org.stripeCustomerId;
  const customer = await stripe.customers.create(
    { name: ctx.org.name, metadata: { orgId: ctx.org.id } },
    { idempotencyKey: `tenantkit-customer-${ctx.org.id}` },
  );
  await tx.organization.update({ where: { id: ctx.org.id }, data: { stripeCustomerId: customer.id } });
  return customer.id;
}
