import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import { seatUsage } from "@/lib/members/seats";
import type { OrgContext } from "@/lib/orgs/context";
import { ensureCustomer } from "./customer";
import { billingPath } from "./paths";
import { PLANS } from "./plans";
import type { CheckoutInput } from "./schemas";
import { requireStripe } from "./stripe";
import { ENTITLED_STATUSES } from "./sync";

/** Where Stripe sends the admin back to: the org's billing page on this app's own origin. */
const billingPage = (ctx: OrgContext) => `${env.APP_URL}${billingPath(ctx.org.slug)}`;

/**
 * Starts Stripe Checkout for `plan`, with one seat per member and pending invitation. The
 * subscription is created by Stripe once the admin pays; the webhook brings it here.
 */
export async function startCheckout(ctx: OrgContext, tx: Tx, input: CheckoutInput): Promise<{ url: string }> {
  const stripe = requireStripe();
  const plan = PLANS[input.plan];
  if (!plan.stripePriceId || plan.seats.kind !== "per-seat") {
    throw new AppError("conflict", `The ${plan.name} plan is not bought through Checkout${plan.seats.kind === "contract" ? ": contact sales" : ""}.`);
  }
  const current = await tx.subscription.findUnique({ where: { orgId: ctx.org.id }, select: { status: true } });
  if (current && ENTITLED_STATUSES.has(current.status)) {
    throw new AppError("conflict", "This organization already has a subscription: change it in the billing portal.");
  }
  const customer = await ensureCustomer(stripe, ctx, tx);
  const { used } = await seatUsage(ctx, tx);
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: ctx.org.id,
    line_items: [{ price: plan.stripePriceId, quantity: Math.max(used, 1) }],
    subscription_data: { metadata: { orgId: ctx.org.id }, ...(plan.trialDays > 0 ? { trial_period_days: plan.trialDays } : {}) },
    metadata: { orgId: ctx.org.id },
    // Tax ids and the billing address are collected here and editable in the portal afterwards.
    tax_id_collection: { enabled: true },
    customer_update: { name: "auto", address: "auto" },
    success_url: `${billingPage(ctx)}?checkout=success`,
    cancel_url: `${billingPage(ctx)}?checkout=cancelled`,
  });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
  await recordAudit(ctx, tx, { action: "billing.checkout_started", target: { type: "checkout_session", id: session.id, label: plan.name }, changes: { after: { plan: plan.id, seats: Math.max(used, 1) } } });
  return { url: session.url };
}

/** Opens Stripe's Customer Portal (payment methods, invoices, billing email, tax ids, cancel). */
export async function openPortal(ctx: OrgContext, tx: Tx): Promise<{ url: string }> {
  const stripe = requireStripe();
  const customer = await ensureCustomer(stripe, ctx, tx);
  const session = await stripe.billingPortal.sessions.create({ customer, return_url: billingPage(ctx) });
  await recordAudit(ctx, tx, { action: "billing.portal_opened", target: { type: "billing_portal_session", id: session.id } });
  return { url: session.url };
}
