import { describe, expect, it } from "vitest";
import { readOutbox } from "@/lib/mail/outbox";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { auditActions } from "./invitations.support";
import { billingRows, fakeStripe, sessionIdFromUrl, type FakeEvent } from "./billing.support";

/**
 * Stripe delivers at least once, in no particular order, and retries for days. Whatever the
 * order and however many copies arrive, the app must end where Stripe ended, having applied
 * each effect once.
 */

/** A subscription's whole life up to a scheduled cancellation, recorded but not delivered. */
async function recordedHistory(label: string) {
  const setup = await orgWithTeam(label);
  const started = await client(setup.team.owner).post<{ url: string }>(`/api/v1/orgs/${setup.org.slug}/billing/checkout`, { plan: "pro" });
  const checkout = await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url), { deliver: false });
  const id = checkout.subscription.id;
  const events: FakeEvent[] = [...checkout.events];
  const record = async (step: Promise<{ events: FakeEvent[] }>) => events.push(...(await step).events);
  await record(fakeStripe.updateSubscription(id, { status: "active", deliver: false }));
  await record(fakeStripe.updateSubscription(id, { quantity: 6, deliver: false }));
  await record(fakeStripe.updateSubscription(id, { status: "past_due", deliver: false }));
  await record(fakeStripe.invoice(id, { paid: false, deliver: false }));
  await record(fakeStripe.updateSubscription(id, { status: "active", deliver: false }));
  await record(fakeStripe.invoice(id, { paid: true, deliver: false }));
  await record(fakeStripe.updateSubscription(id, { cancel_at_period_end: true, deliver: false }));
  return { ...setup, events };
}

/** A deterministic shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const ORDERS: [string, <T>(events: T[]) => T[]][] = [
  ["newest first", (events) => [...events].reverse()],
  ["shuffled, seed 7", (events) => shuffled(events, 7)],
  ["shuffled, seed 2026", (events) => shuffled(events, 2026)],
  ["each twice in a row", (events) => events.flatMap((e) => [e, e])],
];

describe("events in any order, each delivered twice", () => {
  it.each(ORDERS)("%s: ends where Stripe ended, with each effect applied once", async (name, order) => {
    const org = await recordedHistory(`Order ${name.split(" ")[0]}`);
    const deliveries = [];
    for (const event of [...order(org.events), ...shuffled(org.events, 99)]) deliveries.push(await fakeStripe.deliver(event.id));
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    // Every event id is applied exactly once; the other copies are recognised.
    const applied = deliveries.filter((d) => d.body.outcome !== "duplicate").map((d) => d.eventId);
    expect(applied.sort()).toEqual(org.events.map((e) => e.id).sort());

    expect(await billingRows(org.org.id)).toMatchObject({ org: { plan: "pro", seatsPurchased: 6 }, subscription: { status: "active", seatsPaid: 6 } });
    const billing = await client(org.team.owner).get<{ graceEndsAt: string | null; subscription: { cancelAtPeriodEnd: boolean } }>(`/api/v1/orgs/${org.org.slug}/billing`);
    expect(billing.body).toMatchObject({ graceEndsAt: null, subscription: { cancelAtPeriodEnd: true } });
    // The app reads Stripe's current object at every event: it changed once, straight to the end state.
    expect((await auditActions(org.org.id)).filter((a) => a.action === "subscription.changed")).toHaveLength(1);
    // The failed payment had been paid by the time any event arrived: nobody is told it failed.
    await new Promise((r) => setTimeout(r, 500));
    expect((await readOutbox({ to: org.team.owner.email })).filter((m) => m.subject.startsWith("Payment failed"))).toEqual([]);
  });
});
