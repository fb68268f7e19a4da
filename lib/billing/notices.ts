import type Stripe from "stripe";
import { z } from "zod";
import { can, ROLES } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import { queueMail } from "@/lib/mail/queue";
import { DUNNING_STATUSES } from "./dunning";
import { formatMoney } from "./money";
import { billingPath } from "./paths";
import { planOf } from "./plans";
import type { WebhookEvent } from "./webhook-event";

const invoiceAmount = z.object({ amount_due: z.number().int().nonnegative(), currency: z.string().regex(/^[a-z]{3}$/) });

/** Who hears about billing: every member allowed to act on it. */
const BILLING_ROLES = ROLES.filter((role) => can(role, "billing:manage"));

/**
 * Emails the org's billing contacts about an event that asks them to act: a failed payment or
 * a trial about to end. Runs in the webhook's transaction after the subscription was applied
 * (and scoped to its org), so each event is mailed once however often it is delivered. The
 * subscription is Stripe's current one: an event that is no longer true by the time it
 * arrives (paid since, trial already converted) sends nothing.
 */
export async function queueBillingNotices(tx: Tx, event: WebhookEvent, subscription: Stripe.Subscription): Promise<number> {
  const trialEnd = subscription.status === "trialing" && subscription.trial_end ? new Date(subscription.trial_end * 1000).toISOString() : null;
  const kind =
    event.type === "invoice.payment_failed" && DUNNING_STATUSES.has(subscription.status)
      ? "payment-failed"
      : event.type === "customer.subscription.trial_will_end" && trialEnd
        ? "trial-ending"
        : null;
  if (!kind) return 0;
  const customer = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  const org = await tx.organization.findUnique({
    where: { stripeCustomerId: customer },
    select: { name: true, slug: true, plan: true, billingGraceEndsAt: true, memberships: { where: { role: { in: BILLING_ROLES } }, select: { user: { select: { id: true, email: true } } } } },
  });
  if (!org) return 0;
  const billingUrl = `${env.APP_URL}${billingPath(org.slug)}`;
  const amount = invoiceAmount.safeParse(event.data.object);
  for (const { user } of org.memberships) {
    const idempotencyKey = `stripe-${event.id}-${user.id}`;
    if (kind === "payment-failed") {
      if (!org.billingGraceEndsAt) continue;
      await queueMail(tx, {
        to: user.email,
        template: "payment-failed",
        props: { orgName: org.name, billingUrl, graceEndsAt: org.billingGraceEndsAt.toISOString(), amount: amount.success ? formatMoney(amount.data.amount_due, amount.data.currency) : null },
        idempotencyKey,
      });
    } else if (trialEnd) {
      await queueMail(tx, { to: user.email, template: "trial-ending", props: { orgName: org.name, planName: planOf(org.plan).name, billingUrl, trialEnd }, idempotencyKey });
    }
  }
  return org.memberships.length;
}
