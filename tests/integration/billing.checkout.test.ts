import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadRouteTable } from "@/lib/api/route-table";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { billingRows, fakeStripe, sessionIdFromUrl } from "./billing.support";
import { freshEmail, invite } from "./invitations.support";

type Billing = { plan: string; seatsPaid: number | null; seatsInUse: number; subscription: { status: string; seatsPaid: number; cancelAtPeriodEnd: boolean; trialEnd: string | null } | null };

let team: Awaited<ReturnType<typeof orgWithTeam>>;
let other: Awaited<ReturnType<typeof orgWithTeam>>;

beforeAll(async () => {
  team = await orgWithTeam("Checkout");
  other = await orgWithTeam("Elsewhere");
});

const table = await loadRouteTable();

const base = (slug: string) => `/api/v1/orgs/${slug}/billing`;

describe("checkout", () => {
  it("creates one Stripe customer per org, reused by later calls, and a session for the seats in use", async () => {
    // 4 members and one pending invitation: 5 seats.
    expect((await invite(team.team.owner, team.org.slug, [freshEmail()])).status).toBe(201);
    const admin = client(team.team.admin);
    const first = await admin.post<{ url: string }>(`${base(team.org.slug)}/checkout`, { plan: "pro" });
    expect(first.status).toBe(200);
    const second = await client(team.team.owner).post<{ url: string }>(`${base(team.org.slug)}/checkout`, { plan: "pro" });
    expect(second.status).toBe(200);

    const state = await fakeStripe.state();
    const customers = state.customers.filter((c) => c.metadata.orgId === team.org.id);
    expect(customers).toHaveLength(1);
    expect((await billingRows(team.org.id)).org.stripeCustomerId).toBe(customers[0]!.id);
    const session = state.checkoutSessions.find((s) => s.url === first.body.url)!;
    expect(session.customer).toBe(customers[0]!.id);
    expect(session.request.line_items).toEqual([{ price: expect.any(String), quantity: 5 }]);
    expect(session.request.subscription_data?.trial_period_days).toBe(14);
    expect(new URL(String(session.success_url)).origin).toBe(inject("baseUrl"));
  });

  it("a completed checkout makes the org Pro with the seats it paid for", async () => {
    const owner = client(team.team.owner);
    const started = await owner.post<{ url: string }>(`${base(team.org.slug)}/checkout`, { plan: "pro" });
    const completed = await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url));
    expect(completed.deliveries.map((d) => [d.type, d.status])).toEqual([
      ["checkout.session.completed", 200],
      ["customer.subscription.created", 200],
    ]);
    const billing = await owner.get<Billing>(base(team.org.slug));
    expect(billing.status).toBe(200);
    expect(billing.body).toMatchObject({ plan: "pro", seatsPaid: 5, seatsInUse: 5, subscription: { status: "trialing", seatsPaid: 5, cancelAtPeriodEnd: false } });
    expect(billing.body.subscription?.trialEnd).not.toBeNull();

    // Subscribed: a second checkout is refused, the portal opens for the same customer.
    expect((await owner.post(`${base(team.org.slug)}/checkout`, { plan: "pro" })).status).toBe(409);
    const portal = await owner.post<{ url: string }>(`${base(team.org.slug)}/portal`);
    expect(portal.status).toBe(200);
    const state = await fakeStripe.state();
    expect(state.portalSessions.find((p) => p.url === portal.body.url)?.customer).toBe(completed.subscription.customer);
  });

  it("refuses plans not sold through Checkout and input that is not a plan", async () => {
    const owner = client(other.team.owner);
    expect((await owner.post(`${base(other.org.slug)}/checkout`, { plan: "enterprise" })).status).toBe(409);
    expect((await owner.post(`${base(other.org.slug)}/checkout`, { plan: "platinum" })).status).toBe(400);
    expect((await owner.post(`${base(other.org.slug)}/checkout`, { plan: "pro", quantity: 1 })).status).toBe(400);
  });
});

describe("who may manage billing", () => {
  /** Every route under an org's billing path, as the route table finds them on disk: a new one is covered without editing this test. */
  const billingRoutes = table.filter((r) => r.path.startsWith("/api/v1/orgs/[org]/billing"));
  const bodies: Record<string, unknown> = { "/api/v1/orgs/[org]/billing/checkout": { plan: "pro" } };
  const routes = (slug: string) => billingRoutes.map((r) => [r.method, r.path.replace("[org]", slug), bodies[r.path]] as const);

  it("finds the billing routes", () => {
    expect(billingRoutes.map((r) => `${r.method} ${r.path.replace("/api/v1/orgs/[org]/billing", "")}`)).toEqual(expect.arrayContaining(["GET ", "POST /checkout", "POST /portal", "POST /cancel", "POST /resume"]));
  });

  it("members and viewers get 403 on every billing route", async () => {
    for (const role of ["member", "viewer"] as const) {
      const api = client(team.team[role]);
      for (const [method, url, body] of routes(team.org.slug)) {
        const res = await api.request(method, url, { body });
        expect(res.status, `${role} ${method} ${url}`).toBe(403);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
    }
  });

  it("another org's owner gets 404 on every billing route, and no Stripe customer is made", async () => {
    const api = client(other.team.owner);
    for (const [method, url, body] of routes(team.org.slug)) {
      const res = await api.request(method, url, { body });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Checkout");
    }
    const before = (await fakeStripe.state()).customers.length;
    for (const [method, url, body] of routes("no-such-org-here")) expect((await api.request(method, url, { body })).status).toBe(404);
    expect((await fakeStripe.state()).customers.length).toBe(before);
  });
});
