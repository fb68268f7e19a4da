import type Stripe from "stripe";
import { diff } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { setOrgScope, type Tx } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { ENDED_STATUSES } from "./current-subscription";
import { nextDunningState } from "./dunning";
import { planForPrice } from "./plans";

/**
 * Statuses in which the subscription's plan applies. Overdue ones (past_due, unpaid) keep it
 * while dunning runs: the grace period, then read-only, is the pressure, not a lost plan.
 */
export const ENTITLED_STATUSES: ReadonlySet<string> = new Set<Stripe.Subscription.Status>(["active", "trialing", "past_due", "unpaid"]);

const idOf = (ref: string | { id: string }) => (typeof ref === "string" ? ref : ref.id);
const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

export type SyncOutcome = "applied" | "stale" | "unknown-customer";

/**
 * Makes the org's stored subscription, plan and paid seats follow `subscription` as read from
 * Stripe at `readAt` (when the read began). Stripe objects carry no version, so the read time
 * orders writes: a read that began before the stored one is ignored. Every change in Stripe
 * sends an event whose read begins after it, so the last write always holds the latest state,
 * whatever order events arrive in. Runs in a transaction scoped to no org; scopes it to the
 * org the customer belongs to.
 */
export async function applySubscription(tx: Tx, subscription: Stripe.Subscription, readAt: Date): Promise<SyncOutcome> {
  const org = await tx.organization.findUnique({ where: { stripeCustomerId: idOf(subscription.customer) }, select: { id: true, slug: true } });
  if (!org) return "unknown-customer";
  await setOrgScope(tx, org.id);
  // Locks the org row: two deliveries for one org apply one after the other.
  await tx.$executeRaw`select 1 from organizations where id = ${org.id} for no key update`;

  const stored = await tx.subscription.findUnique({ where: { orgId: org.id } });
  if (stored && stored.stripeReadAt >= readAt) return "stale";
  // News about an org's earlier, ended subscription never replaces its current one.
  if (stored && stored.stripeSubscriptionId !== subscription.id && !ENDED_STATUSES.has(stored.status) && ENDED_STATUSES.has(subscription.status)) return "stale";

  // Per-seat plans have one item; from API version 2025-03-31 the period lives on it.
  const item = subscription.items.data[0];
  const priceId = item?.price.id ?? null;
  const plan = planForPrice(priceId)?.id ?? "free";
  const entitled = ENTITLED_STATUSES.has(subscription.status);
  const sameSubscription = stored?.stripeSubscriptionId === subscription.id ? stored : null;
  const dunning = nextDunningState(sameSubscription, subscription.status, readAt, env.BILLING_GRACE_DAYS);
  const state = {
    stripeSubscriptionId: subscription.id,
    status: subscription.status,
    plan,
    priceId,
    seatsPaid: item?.quantity ?? 0,
    currentPeriodEnd: fromUnix(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    trialEnd: fromUnix(subscription.trial_end),
    paymentFailedAt: dunning.paymentFailedAt,
    stripeReadAt: readAt,
  };
  await tx.subscription.upsert({ where: { orgId: org.id }, create: { orgId: org.id, ...state }, update: state });
  const watched = (s: { status: string; plan: string; seatsPaid: number; cancelAtPeriodEnd: boolean } | null) => ({ status: s?.status ?? null, plan: s?.plan ?? null, seatsPaid: s?.seatsPaid ?? null, cancelAtPeriodEnd: s?.cancelAtPeriodEnd ?? null });
  const changes = diff(watched(stored), watched(state));
  if (changes) {
    // No user acted: the change came from Stripe (checkout, the portal, a payment, the dashboard).
    await tx.auditEvent.create({
      data: { orgId: org.id, actorType: "stripe", actorLabel: "Stripe", action: "subscription.changed", targetType: "subscription", targetId: subscription.id, changes: changes as Prisma.InputJsonValue },
    });
    await emitWebhookEvent(tx, org, "subscription.changed", {
      plan: state.plan,
      status: state.status,
      seats: state.seatsPaid,
      cancelAtPeriodEnd: state.cancelAtPeriodEnd,
      currentPeriodEnd: state.currentPeriodEnd?.toISOString() ?? null,
    });
  }
  // Other code reads the org's plan and seats: they follow the subscription, and an ended one falls back to Free.
  await tx.organization.update({
    where: { id: org.id },
    data: entitled
      ? { plan, seatsPurchased: state.seatsPaid, billingGraceEndsAt: dunning.graceEndsAt }
      : { plan: "free", seatsPurchased: null, billingGraceEndsAt: null },
  });
  return "applied";
}
