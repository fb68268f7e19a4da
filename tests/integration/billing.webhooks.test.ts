import type Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { applySubscription } from "@/lib/billing/sync";
import { scoped } from "@/lib/db/tenant-transaction";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { auditActions } from "./invitations.support";
import { billingRows, fakeStripe, postWebhook, sessionIdFromUrl, sign, type ControlResult } from "./billing.support";

let team: Awaited<ReturnType<typeof orgWithTeam>>;
let checkout: ControlResult;

/** Checkout completed in Stripe, its events not yet delivered: each test delivers what it needs. */
beforeAll(async () => {
  team = await orgWithTeam("Hooks");
  const started = await client(team.team.owner).post<{ url: string }>(`/api/v1/orgs/${team.org.slug}/billing/checkout`, { plan: "pro" });
  expect(started.status).toBe(200);
  checkout = await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url), { deliver: false });
});

const event = (type: string) => checkout.events.find((e) => e.type === type)!;

describe("the signature", () => {
  it("is required, must be made with the webhook secret over these exact bytes, and must be recent; a refused event writes nothing", async () => {
    const created = event("customer.subscription.created");
    const payload = JSON.stringify(created);
    const attempts = {
      missing: await postWebhook(payload),
      empty: await postWebhook(payload, ""),
      garbage: await postWebhook(payload, "t=1,v1=deadbeef"),
      wrongSecret: await postWebhook(payload, sign(payload, { secret: "whsec_not_the_apps_secret" })),
      changedByte: await postWebhook(payload.replace("customer.subscription.created", "customer.subscription.updated"), sign(payload)),
      stale: await postWebhook(payload, sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 })),
    };
    for (const [name, res] of Object.entries(attempts)) {
      expect(res.status, name).toBe(400);
      expect(res.type, name).toContain("application/problem+json");
    }
    // Through the fake's own delivery too, signed with another secret.
    expect((await fakeStripe.deliver(created.id, { secret: "whsec_wrong" })).status).toBe(400);
    const rows = await billingRows(team.org.id, created.id);
    expect(rows).toMatchObject({ eventRecorded: false, subscription: null, org: { plan: "free", seatsPurchased: null } });
  });

  it("a signed payload that is not a Stripe event, or a handled type with the wrong object, is 400 and writes nothing", async () => {
    for (const payload of ["not json", "[]", JSON.stringify({ id: "evt_x1", type: "customer.subscription.updated", data: { object: { id: 42 } } })]) {
      const res = await postWebhook(payload, sign(payload));
      expect(res.status, payload).toBe(400);
    }
    expect((await billingRows(team.org.id, "evt_x1")).eventRecorded).toBe(false);
  });

  it("an unknown event type is acknowledged and recorded, and changes nothing else", async () => {
    const payload = JSON.stringify({ id: "evt_unknownType1", object: "event", type: "customer.tax_id.created", data: { object: { id: "txi_1" } } });
    const res = await postWebhook(payload, sign(payload));
    expect(res).toMatchObject({ status: 200, body: { received: true, outcome: "ignored" } });
    expect(await billingRows(team.org.id, "evt_unknownType1")).toMatchObject({ eventRecorded: true, subscription: null, org: { plan: "free" } });
  });
});

describe("subscription state", () => {
  it("follows the subscription once the checkout's events arrive, and a redelivered event does nothing", async () => {
    const completed = event("checkout.session.completed");
    const [first, again] = await Promise.all([fakeStripe.deliver(completed.id), fakeStripe.deliver(completed.id)]);
    expect([first.body.outcome, again.body.outcome].sort()).toEqual(["applied", "duplicate"]);
    const rows = await billingRows(team.org.id, completed.id);
    expect(rows).toMatchObject({ eventRecorded: true, org: { plan: "pro", seatsPurchased: 4 }, subscription: { status: "trialing", seatsPaid: 4 } });

    const created = event("customer.subscription.created");
    expect((await fakeStripe.deliver(created.id)).body.outcome).toBe("applied");
    expect((await fakeStripe.deliver(created.id)).body.outcome).toBe("duplicate");
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "trialing", seatsPaid: 4 });
    // One audit event for the one change, by Stripe; the checkout before it by the owner.
    const audit = (await auditActions(team.org.id)).filter((a) => a.action.startsWith("billing.") || a.action.startsWith("subscription."));
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
      ["billing.checkout_started", team.team.owner.email],
      ["subscription.changed", "Stripe"],
    ]);
  });

  it("an older update arriving after a newer one does not roll the state back", async () => {
    const id = checkout.subscription.id;
    const older = await fakeStripe.updateSubscription(id, { quantity: 6, status: "active", deliver: false });
    const newer = await fakeStripe.updateSubscription(id, { quantity: 8, deliver: false });
    expect((await fakeStripe.deliver(newer.events[0]!.id)).status).toBe(200);
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "active", seatsPaid: 8 });
    expect((await fakeStripe.deliver(older.events[0]!.id)).status).toBe(200);
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "pro", seatsPurchased: 8 }, subscription: { status: "active", seatsPaid: 8 } });
  });

  it("a subscription read before the stored one is ignored, whatever it says", async () => {
    const current = (await fakeStripe.state()).subscriptions.find((s) => s.id === checkout.subscription.id)!;
    const older = structuredClone(current);
    older.status = "canceled";
    older.items.data[0]!.quantity = 1;
    const outcome = await scoped({}, (tx) => applySubscription(tx, older as unknown as Stripe.Subscription, new Date(Date.now() - 60_000)));
    expect(outcome).toBe("stale");
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "pro", seatsPurchased: 8 }, subscription: { status: "active", seatsPaid: 8 } });
  });

  it("invoice events refresh the state from the subscription", async () => {
    const id = checkout.subscription.id;
    await fakeStripe.updateSubscription(id, { status: "past_due", deliver: false });
    const failed = await fakeStripe.invoice(id, { paid: false });
    expect(failed.deliveries[0]).toMatchObject({ type: "invoice.payment_failed", status: 200, body: { outcome: "applied" } });
    expect((await billingRows(team.org.id)).subscription?.status).toBe("past_due");
    await fakeStripe.updateSubscription(id, { status: "active", deliver: false });
    const paid = await fakeStripe.invoice(id, { paid: true });
    expect(paid.deliveries[0]).toMatchObject({ type: "invoice.paid", status: 200 });
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "pro" }, subscription: { status: "active" } });
  });

  it("a deleted subscription falls back to Free, and its earlier events cannot revive it", async () => {
    // A renewal paid just before the end, its event delivered days late.
    const renewal = await fakeStripe.invoice(checkout.subscription.id, { paid: true, deliver: false });
    const deleted = await fakeStripe.deleteSubscription(checkout.subscription.id);
    expect(deleted.deliveries[0]).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "free", seatsPurchased: null }, subscription: { status: "canceled" } });
    expect((await fakeStripe.deliver(renewal.events[0]!.id)).body.outcome).toBe("applied");
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "free", seatsPurchased: null }, subscription: { status: "canceled" } });
    const billing = await client(team.team.admin).get<{ plan: string; subscription: { status: string } }>(`/api/v1/orgs/${team.org.slug}/billing`);
    expect(billing.body).toMatchObject({ plan: "free", subscription: { status: "canceled" } });
  });
});
