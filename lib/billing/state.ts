import type { Tx } from "@/lib/db/tenant-transaction";
import { features } from "@/lib/env";
import { seatUsage } from "@/lib/members/seats";
import type { OrgContext } from "@/lib/orgs/context";
import { isReadOnly } from "./dunning";
import { ENTITLED_STATUSES } from "./sync";

/** The org's billing state as the app knows it (kept in step with Stripe by the webhook). */
export async function billingState(ctx: OrgContext, tx: Tx) {
  return (await readBilling(ctx, tx)).state;
}

/** The state, and the Stripe ids behind it for server code that calls Stripe (never sent to clients). */
export async function readBilling(ctx: OrgContext, tx: Tx) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { plan: true, seatsPurchased: true, stripeCustomerId: true, billingGraceEndsAt: true } });
  const subscription = await tx.subscription.findUnique({ where: { orgId: ctx.org.id } });
  const seats = await seatUsage(ctx, tx);
  const state = {
    configured: features.billing,
    plan: org.plan,
    seatsPaid: org.seatsPurchased,
    seatsInUse: seats.used,
    hasCustomer: org.stripeCustomerId !== null,
    /** Set while a payment is overdue: writes stop at this moment unless it is paid. */
    graceEndsAt: org.billingGraceEndsAt,
    readOnly: isReadOnly(org.billingGraceEndsAt),
    subscription: subscription && {
      status: subscription.status,
      /** The subscription's plan applies (trialing, active, or overdue while dunning runs). */
      entitled: ENTITLED_STATUSES.has(subscription.status),
      plan: subscription.plan,
      seatsPaid: subscription.seatsPaid,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      trialEnd: subscription.trialEnd,
      paymentFailedAt: subscription.paymentFailedAt,
    },
  };
  return { state, stripeIds: { customer: org.stripeCustomerId, subscription: subscription?.stripeSubscriptionId ?? null } };
}

export type BillingState = Awaited<ReturnType<typeof billingState>>;
