import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/tenant-transaction";
import type { OrgContext } from "@/lib/orgs/context";
import { planOf } from "./plans";
import { billingState } from "./state";
import { requireStripe } from "./stripe";
import { applySubscription, ENTITLED_STATUSES } from "./sync";

/**
 * Cancels the org's subscription at the end of the paid period (`cancel`), or takes that back.
 * Nothing changes before the period ends: the plan and its seats stay until Stripe ends the
 * subscription, and the webhook then moves the org to Free. Downgrading to Free is this too.
 */
export async function setCancelAtPeriodEnd(ctx: OrgContext, tx: Tx, cancel: boolean) {
  const current = await tx.subscription.findUnique({ where: { orgId: ctx.org.id } });
  if (!current || !ENTITLED_STATUSES.has(current.status)) {
    throw new AppError("conflict", cancel ? "This organization has no subscription to cancel: it is on the Free plan." : "This organization has no subscription to resume: start one from the billing page.");
  }
  if (current.cancelAtPeriodEnd !== cancel) {
    const stripe = requireStripe();
    const readAt = new Date();
    const updated = await stripe.subscriptions.update(current.stripeSubscriptionId, { cancel_at_period_end: cancel });
    await applySubscription(tx, updated, readAt);
    await recordAudit(ctx, tx, {
      action: cancel ? "billing.cancellation_scheduled" : "billing.cancellation_withdrawn",
      target: { type: "subscription", id: current.stripeSubscriptionId, label: planOf(current.plan).name },
      changes: { before: { cancelAtPeriodEnd: !cancel }, after: { cancelAtPeriodEnd: cancel } },
    });
  }
  return billingState(ctx, tx);
}
