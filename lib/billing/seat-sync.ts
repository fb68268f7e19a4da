import type Stripe from "stripe";
import { type Tx, scoped, setOrgScope } from "@/lib/db/tenant-transaction";
import { features } from "@/lib/env";
import { enqueue } from "@/lib/jobs/enqueue";
import type { TaskHandler } from "@/lib/jobs/handlers";
import { log } from "@/lib/log";
import { seatsInUse } from "./entitlements";
import { PLAN_IDS, PLANS } from "./plans";
import { stripe } from "./stripe";
import { isRetryableStripeFailure } from "./stripe-failure";
import { ENTITLED_STATUSES, applySubscription } from "./sync";

/** Plans whose subscription quantity is the seats in use. */
const PER_SEAT_PLANS = PLAN_IDS.filter((id) => PLANS[id].seats.kind === "per-seat");

/**
 * Call in the transaction of every change to an org's seats in use (a member joins, leaves or
 * is removed; an invitation is created, renewed or withdrawn). When the org pays per seat, it
 * queues `billing_sync_seats`, which commits or rolls back with the change. The change never
 * waits for Stripe: the job talks to it, and retries while it is down. One job key per org,
 * so a burst of changes makes one Stripe call with the final count. Returns whether it queued.
 */
export async function queueSeatSync(tx: Tx, orgId: string): Promise<boolean> {
  if (!features.billing) return false;
  const paying = await tx.subscription.count({ where: { orgId, status: { in: [...ENTITLED_STATUSES] }, plan: { in: PER_SEAT_PLANS } } });
  if (paying === 0) return false;
  await enqueue(tx, "billing_sync_seats", { orgId }, { jobKey: `billing-seats:${orgId}` });
  return true;
}

type Target = { subscriptionId: string; seats: number };

/** The org's per-seat subscription and its seats in use now, or null when it pays no seats. */
function readTarget(orgId: string): Promise<Target | null> {
  return scoped({ orgId }, async (tx) => {
    const subscription = await tx.subscription.findUnique({ where: { orgId }, select: { stripeSubscriptionId: true, status: true, plan: true } });
    if (!subscription || !ENTITLED_STATUSES.has(subscription.status) || !(PER_SEAT_PLANS as string[]).includes(subscription.plan)) return null;
    return { subscriptionId: subscription.stripeSubscriptionId, seats: await seatsInUse(tx, orgId) };
  });
}

/** A job that found Stripe behind re-reads the seats after its update, this many times at most. */
const MAX_ROUNDS = 5;

/**
 * The `billing_sync_seats` task. Reads the seats in use and Stripe's quantity; when they
 * differ, sets the quantity with proration, stores the subscription Stripe returns and records
 * `billing.seats_synced`. It then reads the seats again: a change that landed meanwhile, or a
 * second job that wrote an older count, is put right in the same run. Stripe unreachable or
 * failing: the job throws and graphile-worker retries it with backoff (lib/jobs/tasks.ts). A
 * request Stripe refuses for good (the subscription was cancelled meanwhile) is logged and the
 * job completes.
 */
export const syncSeats: TaskHandler<"billing_sync_seats"> = async ({ orgId }, job) => {
  const client = stripe;
  if (!client) return;
  try {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const target = await readTarget(orgId);
      if (!target) return;
      const synced = await pushQuantity(client, orgId, target, `tenantkit-seats-${job.id}-${job.attempt}-${round}`);
      if (!synced) return;
    }
  } catch (error) {
    if (isRetryableStripeFailure(error)) throw error;
    log.error("seat sync refused by Stripe; not retrying", { component: "billing", orgId, jobId: job.id, error });
  }
};

/** Sets Stripe's quantity to the target's seats; false when it already was. */
async function pushQuantity(client: Stripe, orgId: string, target: Target, idempotencyKey: string): Promise<boolean> {
  const current = await client.subscriptions.retrieve(target.subscriptionId);
  const item = current.items.data[0];
  if (!item) throw new Error(`Subscription ${current.id} has no item to set seats on`);
  const from = item.quantity ?? 0;
  if (from === target.seats) return false;

  const readAt = new Date();
  const updated = await client.subscriptions.update(
    current.id,
    { items: [{ id: item.id, quantity: target.seats }], proration_behavior: "create_prorations" },
    { idempotencyKey: `${idempotencyKey}-${from}-${target.seats}` },
  );
  await scoped({}, async (tx) => {
    await applySubscription(tx, updated, readAt);
    await setOrgScope(tx, orgId);
    await tx.auditEvent.create({
      data: {
        orgId,
        actorType: "system",
        actorLabel: "Seat sync",
        action: "billing.seats_synced",
        targetType: "subscription",
        targetId: updated.id,
        changes: { before: { seats: from }, after: { seats: target.seats } },
      },
    });
  });
  log.info("subscription seats synced", { component: "billing", orgId, subscriptionId: updated.id, from, to: target.seats });
  return true;
}
