import type Stripe from "stripe";
import { type Tx, scoped, setOrgScope } from "@/lib/db/tenant-transaction";
import type { TaskHandler } from "@/lib/jobs/handlers";
import { log } from "@/lib/log";
import { type CustomerOrg, orgsWithCustomers } from "./customer-orgs";
import { currentSubscription } from "./current-subscription";
import { seatsInUse } from "./entitlements";
import { planOf } from "./plans";
import { queueSeatSync } from "./seat-sync";
import { stripe } from "./stripe";
import { isRetryableStripeFailure } from "./stripe-failure";
import { applySubscription } from "./sync";

type Snapshot = { plan: string; seatsPurchased: number | null; status: string | null; seatsPaid: number | null };
type Outcome = "unchanged" | "changed";

/**
 * The daily `billing_reconcile` task: every org with a Stripe customer is compared with what
 * Stripe says now, whatever webhooks were missed. Its current subscription (lib/billing/current-subscription.ts)
 * is stored as read now; an org that Stripe has no subscription for falls back to Free; a
 * subscription whose quantity is not the seats in use gets a seat sync queued. Each correction
 * is logged (before → after) and audited as `billing.reconciled`. One org's failure does not
 * stop the others; if any failed on a Stripe outage, the job fails at the end and is retried.
 */
export const reconcileBilling: TaskHandler<"billing_reconcile"> = async () => {
  const client = stripe;
  if (!client) return;
  const totals = { checked: 0, changed: 0, failed: 0, retryable: 0 };
  for await (const org of orgsWithCustomers()) {
    totals.checked++;
    try {
      if ((await reconcileOrg(client, org)) === "changed") totals.changed++;
    } catch (error) {
      totals.failed++;
      if (isRetryableStripeFailure(error)) totals.retryable++;
      log.warn("billing reconciliation failed for an org", { component: "billing", orgId: org.id, error });
    }
  }
  log.info("billing reconciliation finished", { component: "billing", ...totals });
  if (totals.retryable > 0) throw new Error(`Billing reconciliation could not reach Stripe for ${totals.retryable} of ${totals.checked} orgs`);
};

async function snapshot(tx: Tx, orgId: string): Promise<Snapshot> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { plan: true, seatsPurchased: true } });
  const subscription = await tx.subscription.findUnique({ where: { orgId }, select: { status: true, seatsPaid: true } });
  return { plan: org.plan, seatsPurchased: org.seatsPurchased, status: subscription?.status ?? null, seatsPaid: subscription?.seatsPaid ?? null };
}

const same = (a: Snapshot, b: Snapshot) => a.plan === b.plan && a.seatsPurchased === b.seatsPurchased && a.status === b.status && a.seatsPaid === b.seatsPaid;

export async function reconcileOrg(client: Stripe, org: CustomerOrg): Promise<Outcome> {
  const readAt = new Date();
  const subscriptions: Stripe.Subscription[] = [];
  for await (const subscription of client.subscriptions.list({ customer: org.stripeCustomerId, status: "all", limit: 100 })) subscriptions.push(subscription);
  const current = currentSubscription(subscriptions);

  return scoped({ orgId: org.id }, async (tx) => {
    const before = await snapshot(tx, org.id);
    if (current) {
      await applySubscription(tx, current, readAt);
      await setOrgScope(tx, org.id);
    } else if (before.plan !== "free" && planOf(before.plan).seats.kind !== "contract") {
      // Stripe has never heard of a subscription for this customer: nothing is paid for.
      await tx.subscription.deleteMany({ where: { orgId: org.id } });
      await tx.organization.update({ where: { id: org.id }, data: { plan: "free", seatsPurchased: null } });
    }
    const after = await snapshot(tx, org.id);

    const item = current?.items.data[0];
    const seats = await seatsInUse(tx, org.id);
    const seatSyncQueued = item !== undefined && item.quantity !== seats && (await queueSeatSync(tx, org.id));

    if (same(before, after)) {
      if (seatSyncQueued) log.info("billing reconciliation: seats in use differ from Stripe's quantity; seat sync queued", { component: "billing", orgId: org.id, seatsInUse: seats, stripeQuantity: item?.quantity });
      return "unchanged";
    }
    await tx.auditEvent.create({
      data: { orgId: org.id, actorType: "system", actorLabel: "Reconciliation", action: "billing.reconciled", targetType: "subscription", targetId: current?.id, changes: { before, after } },
    });
    log.info("billing reconciliation corrected an org", { component: "billing", orgId: org.id, before, after, seatSyncQueued });
    return "changed";
  });
}
