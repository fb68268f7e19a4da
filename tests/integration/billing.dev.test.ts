import { beforeAll, describe, expect, inject, it } from "vitest";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { billingRows, fakeStripe, sessionIdFromUrl } from "./billing.support";

/**
 * The dev-only billing page and its route, against the local Stripe stand-in the suite runs with
 * (features.localStripe). Their refusal outside local mode is the env flag's unit test.
 */

let team: Awaited<ReturnType<typeof orgWithTeam>>;
let subscriptionId: string;
const anonymous = client();
const act = (body: unknown, headers: Record<string, string> = {}) => anonymous.post<{ events?: string[]; code?: string }>("/api/dev/billing", body, { headers });

beforeAll(async () => {
  team = await orgWithTeam("Dev billing");
  const started = await client(team.team.owner).post<{ url: string }>(`/api/v1/orgs/${team.org.slug}/billing/checkout`, { plan: "pro" });
  subscriptionId = (await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url))).subscription.id;
});

describe("/api/dev/billing", () => {
  it("refuses input that is not one action on one subscription with 400 (415 without a JSON body) problem+json", async () => {
    const bad = [
      {},
      { action: "fail_payment" },
      { action: "explode", subscription: subscriptionId },
      { action: "fail_payment", subscription: "cus_notasubscription" },
      { action: "fail_payment", subscription: `${subscriptionId}/../../customers` },
      { action: "change_seats", subscription: subscriptionId },
      { action: "change_seats", subscription: subscriptionId, seats: 0 },
      { action: "change_seats", subscription: subscriptionId, seats: "5" },
      { action: "renew", subscription: subscriptionId, paid: false },
    ];
    for (const body of bad) {
      const res = await act(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type"), JSON.stringify(body)).toContain("application/problem+json");
    }
    const noBody = await act(undefined);
    expect(noBody.status).toBe(415);
    expect(noBody.headers.get("content-type")).toContain("application/problem+json");
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "trialing", seatsPaid: 4 });
  });

  it("refuses a cross-site post, an unknown subscription, and an action the subscription's state does not allow", async () => {
    expect((await act({ action: "fail_payment", subscription: subscriptionId }, { origin: "http://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await act({ action: "fail_payment", subscription: "sub_doesnotexist" })).status).toBe(404);
    expect((await anonymous.get("/api/dev/billing")).status).toBe(405);
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "trialing" });
  });

  it("each action reaches the app through the stand-in's webhooks", async () => {
    expect((await act({ action: "trial_will_end", subscription: subscriptionId })).body.events).toEqual(["customer.subscription.trial_will_end"]);
    expect((await act({ action: "renew", subscription: subscriptionId })).body.events).toEqual(["customer.subscription.updated", "invoice.paid"]);
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "active" });
    expect((await act({ action: "trial_will_end", subscription: subscriptionId })).status).toBe(409);

    expect((await act({ action: "fail_payment", subscription: subscriptionId })).body.events).toEqual(["invoice.payment_failed", "customer.subscription.updated"]);
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "past_due" });
    expect((await act({ action: "pay_invoice", subscription: subscriptionId })).body.events).toEqual(["invoice.paid", "customer.subscription.updated"]);
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "active" });

    expect((await act({ action: "change_seats", subscription: subscriptionId, seats: 7 })).status).toBe(200);
    expect(await billingRows(team.org.id)).toMatchObject({ org: { seatsPurchased: 7 }, subscription: { seatsPaid: 7 } });

    await fakeStripe.updateSubscription(subscriptionId, { cancel_at_period_end: true });
    expect((await act({ action: "period_end", subscription: subscriptionId })).body.events).toEqual(["customer.subscription.deleted"]);
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "free" }, subscription: { status: "canceled" } });
  });
});

describe("/dev/billing", () => {
  it("lists the orgs with a Stripe customer, their subscription and the buttons", async () => {
    const other = await orgWithTeam("Dev billing live");
    const started = await client(other.team.owner).post<{ url: string }>(`/api/v1/orgs/${other.org.slug}/billing/checkout`, { plan: "pro" });
    const live = await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url));
    const res = await fetch(`${inject("baseUrl")}/dev/billing`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Test mode");
    expect(page).toContain(other.org.name);
    expect(page).toContain(live.subscription.id);
    expect(page).toContain("Fail a payment");
    expect(page).toContain(team.org.name);
  });
});
