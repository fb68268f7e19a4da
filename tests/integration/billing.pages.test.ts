import { beforeAll, describe, expect, inject, it } from "vitest";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { billingRows, fakeStripe } from "./billing.support";

/** The checkout and portal pages the local Stripe stand-in serves, used as a browser would. */

let team: Awaited<ReturnType<typeof orgWithTeam>>;
let checkoutUrl: string;

const billing = (slug: string) => `/api/v1/orgs/${slug}/billing`;
const post = (url: string, form: Record<string, string> = {}, origin = new URL(url).origin) =>
  fetch(url, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", origin }, body: new URLSearchParams(form) });

beforeAll(async () => {
  team = await orgWithTeam(`<i>"Quote's" & co</i>`);
  const started = await client(team.team.owner).post<{ url: string }>(`${billing(team.org.slug)}/checkout`, { plan: "pro" });
  expect(started.status).toBe(200);
  checkoutUrl = started.body.url;
});

describe("checkout page", () => {
  it("shows the plan, seats, trial and total under a test-mode label, with a way back", async () => {
    const res = await fetch(checkoutUrl);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Test mode — local Stripe stand-in, no real money");
    expect(page).toMatch(/<h1>Pro<\/h1>/);
    expect(page).toMatch(/<dt>Seats<\/dt><dd>4<\/dd>/);
    expect(page).toContain("14 days free, then $48.00 a month");
    expect(page).toMatch(/<form method="post"><button type="submit">Subscribe<\/button><\/form>/);
    const session = (await fakeStripe.state()).checkoutSessions.find((s) => s.url === checkoutUrl)!;
    expect(page).toContain(`href="${String(session.cancel_url)}"`);
  });

  it("refuses a post from another origin and changes nothing", async () => {
    const res = await post(checkoutUrl, {}, "http://evil.example");
    expect(res.status).toBe(403);
    expect((await fakeStripe.state()).checkoutSessions.find((s) => s.url === checkoutUrl)?.status).toBe("open");
  });

  it("Subscribe completes the checkout, delivers the events to the app, then returns to the app", async () => {
    const res = await post(checkoutUrl);
    expect(res.status).toBe(303);
    const session = (await fakeStripe.state()).checkoutSessions.find((s) => s.url === checkoutUrl)!;
    expect(res.headers.get("location")).toBe(session.success_url);
    expect(new URL(res.headers.get("location")!).origin).toBe(inject("baseUrl"));
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "pro", seatsPurchased: 4 }, subscription: { status: "trialing" } });
    // Posting again (a reload) makes no second subscription.
    expect((await post(checkoutUrl)).status).toBe(303);
    expect((await fakeStripe.state()).subscriptions.filter((s) => s.customer === session.customer)).toHaveLength(1);
  });
});

describe("portal page", () => {
  let portalUrl: string;
  beforeAll(async () => {
    const portal = await client(team.team.owner).post<{ url: string }>(`${billing(team.org.slug)}/portal`);
    expect(portal.status).toBe(200);
    portalUrl = portal.body.url;
  });

  it("shows the subscription, invoices and a way back, with every value escaped", async () => {
    const page = await (await fetch(portalUrl)).text();
    expect(page).toContain("Test mode — local Stripe stand-in, no real money");
    expect(page).toContain("&#60;i&#62;&#34;Quote&#39;s&#34; &#38; co&#60;/i&#62;");
    expect(page).not.toContain("<i>");
    expect(page).toMatch(/<dd>4 × \$12\.00 \/ month<\/dd>/);
    expect(page).toContain("Cancel at period end");
    expect(page).toContain("Return to ");
    expect(page).toMatch(/<label for="email">/);
    const customerId = (await billingRows(team.org.id)).org.stripeCustomerId;
    const invoice = (await fakeStripe.state()).invoices.find((i) => i.customer === customerId)!;
    expect(page).toContain(`href="${invoice.invoice_pdf}"`);
  });

  it("cancel at period end and resume reach the app; the billing email is updated", async () => {
    const subscriptionId = (await billingRows(team.org.id)).subscription!.stripeSubscriptionId;
    const cancel = await post(`${portalUrl}/cancel`, { subscription: subscriptionId });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(new URL(portalUrl).pathname);
    const afterCancel = await client(team.team.owner).get<{ subscription: { cancelAtPeriodEnd: boolean } }>(billing(team.org.slug));
    expect(afterCancel.body.subscription.cancelAtPeriodEnd).toBe(true);
    expect(await (await fetch(portalUrl)).text()).toContain("Resume subscription");

    expect((await post(`${portalUrl}/resume`, { subscription: subscriptionId })).status).toBe(303);
    const afterResume = await client(team.team.owner).get<{ subscription: { cancelAtPeriodEnd: boolean } }>(billing(team.org.slug));
    expect(afterResume.body.subscription.cancelAtPeriodEnd).toBe(false);

    expect((await post(`${portalUrl}/email`, { email: "billing@example.test" })).status).toBe(303);
    const customer = (await fakeStripe.state()).customers.find((c) => c.metadata.orgId === team.org.id)!;
    expect(customer.email).toBe("billing@example.test");
    expect((await post(`${portalUrl}/email`, { email: "not an email" })).status).toBe(400);
  });

  it("refuses another customer's subscription", async () => {
    const customerId = (await billingRows(team.org.id)).org.stripeCustomerId;
    const other = (await fakeStripe.state()).subscriptions.find((s) => s.customer !== customerId);
    const res = await post(`${portalUrl}/cancel`, { subscription: other?.id ?? "sub_other" });
    expect(res.status).toBe(404);
  });
});
