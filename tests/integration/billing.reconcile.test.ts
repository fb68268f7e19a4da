import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createUser, orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { billingRows } from "./billing.support";
import { asOwner, pendingJobs, runTask, stripeQuantity, subscribePro, waitFor } from "./billing-sync.support";

/**
 * The daily reconciliation (`billing_reconcile`, enqueued here as its cron would) compares
 * every org that has a Stripe customer with Stripe and heals what drifted.
 */

let drifted: Awaited<ReturnType<typeof orgWithTeam>>;
let ghost: Awaited<ReturnType<typeof orgWithTeam>>;
let subscriptionId: string;

const reconciledEvents = (orgId: string) =>
  asOwner(async (db) => (await db.query<{ actorType: string; changes: { before: Record<string, unknown>; after: Record<string, unknown> } }>(
    `select "actorType", changes from audit_events where "orgId" = $1 and action = 'billing.reconciled' order by "createdAt"`, [orgId])).rows);

beforeAll(async () => {
  drifted = await orgWithTeam("Drifted");
  subscriptionId = await subscribePro(drifted.team.owner, drifted.org.slug);
  ghost = await orgWithTeam("Ghost");
  // Opening the portal creates the org's Stripe customer; it never subscribes.
  expect((await client(ghost.team.owner).post(`/api/v1/orgs/${ghost.org.slug}/billing/portal`)).status).toBe(200);
});

describe("daily reconciliation", () => {
  it("heals stored state that drifted from Stripe, syncs seats, and audits each fix", async () => {
    // Missed webhooks, a hand edit: the app thinks the paying org is Free with a cancelled
    // subscription, a member was added past the app's services (no seat sync), and the other
    // org thinks it pays for Pro that Stripe never sold it.
    await asOwner(async (db) => {
      await db.query(`update organizations set plan = 'free', "seatsPurchased" = null where id = $1`, [drifted.org.id]);
      await db.query(`update subscriptions set status = 'canceled', "seatsPaid" = 1 where "orgId" = $1`, [drifted.org.id]);
      await db.query(`update organizations set plan = 'pro', "seatsPurchased" = 3 where id = $1`, [ghost.org.id]);
    });
    await addMember(drifted.org.id, (await createUser("Unsynced")).id, "member");

    await runTask("billing_reconcile");

    const healed = await waitFor(() => billingRows(drifted.org.id), (r) => r.org.plan === "pro" && r.subscription?.status === "trialing", 20_000, "the paying org healed");
    expect(healed.subscription?.stripeSubscriptionId).toBe(subscriptionId);
    // The seat drift was handed to the seat sync: Stripe now bills the 5 seats in use.
    await waitFor(() => stripeQuantity(subscriptionId), (q) => q === 5, 20_000, "Stripe quantity 5");
    const synced = await waitFor(() => billingRows(drifted.org.id), (r) => r.org.seatsPurchased === 5 && r.subscription?.seatsPaid === 5, 20_000, "seats paid 5");
    expect(synced.org.plan).toBe("pro");

    const ghostRows = await waitFor(() => billingRows(ghost.org.id), (r) => r.org.plan === "free", 20_000, "the unpaid org back on Free");
    expect(ghostRows.org.seatsPurchased).toBeNull();
    expect(ghostRows.subscription).toBeNull();

    const [driftFix] = await reconciledEvents(drifted.org.id);
    expect(driftFix).toMatchObject({ actorType: "system", changes: { before: { plan: "free", status: "canceled", seatsPaid: 1 }, after: { plan: "pro", status: "trialing", seatsPaid: 4 } } });
    expect(await reconciledEvents(ghost.org.id)).toEqual([expect.objectContaining({ actorType: "system", changes: { before: expect.objectContaining({ plan: "pro" }), after: expect.objectContaining({ plan: "free" }) } })]);
  });

  it("leaves a consistent state alone on the next run", async () => {
    await waitFor(() => pendingJobs("billing_sync_seats"), (n) => n === 0, 20_000, "seat syncs done");
    await runTask("billing_reconcile");
    await waitFor(() => pendingJobs("billing_reconcile"), (n) => n === 0, 20_000, "the second run");
    expect(await reconciledEvents(drifted.org.id)).toHaveLength(1);
    expect(await reconciledEvents(ghost.org.id)).toHaveLength(1);
    expect((await billingRows(drifted.org.id)).org).toMatchObject({ plan: "pro", seatsPurchased: 5 });
    expect(await stripeQuantity(subscriptionId)).toBe(5);
  });
});
