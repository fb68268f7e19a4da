import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "@/lib/mail/outbox";
import { fillProjects } from "../support/billing";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { waitForMail } from "../support/mail";
import { auditActions } from "./invitations.support";
import { billingRows, fakeStripe, postWebhook, sessionIdFromUrl, sign, type ControlResult } from "./billing.support";
import { asOwner } from "./billing-sync.support";

type Problem = { code: string; status: number; detail: string; billingUrl?: string };
type Billing = { plan: string; graceEndsAt: string | null; readOnly: boolean; subscription: { status: string; cancelAtPeriodEnd: boolean; paymentFailedAt: string | null } | null };

const DAY_MS = 86_400_000;

/** Time passing: the grace period ran out a minute ago. */
const endGracePeriod = (orgId: string) => asOwner((db) => db.query(`update organizations set "billingGraceEndsAt" = now() - interval '1 minute' where id = $1`, [orgId]));
const projectCount = (orgId: string) => asOwner(async (db) => Number((await db.query(`select count(*) from projects where "orgId" = $1`, [orgId])).rows[0].count));

/** An org that went through Checkout and is active on Pro, every event delivered. */
async function subscribedOrg(label: string) {
  const setup = await orgWithTeam(label);
  const started = await client(setup.team.owner).post<{ url: string }>(`/api/v1/orgs/${setup.org.slug}/billing/checkout`, { plan: "pro" });
  expect(started.status).toBe(200);
  const checkout = await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url));
  await fakeStripe.updateSubscription(checkout.subscription.id, { status: "active" });
  expect((await billingRows(setup.org.id)).subscription?.status).toBe("active");
  return { ...setup, subscriptionId: checkout.subscription.id };
}

async function failPayment(subscriptionId: string): Promise<ControlResult> {
  await fakeStripe.updateSubscription(subscriptionId, { status: "past_due", deliver: false });
  return fakeStripe.invoice(subscriptionId, { paid: false });
}

async function payInvoice(subscriptionId: string): Promise<ControlResult> {
  await fakeStripe.updateSubscription(subscriptionId, { status: "active", deliver: false });
  return fakeStripe.invoice(subscriptionId, { paid: true });
}

const billing = (as: Parameters<typeof client>[0], slug: string) => client(as).get<Billing>(`/api/v1/orgs/${slug}/billing`);

describe("a failed payment", () => {
  let org: Awaited<ReturnType<typeof subscribedOrg>>;
  let failed: ControlResult;
  beforeAll(async () => {
    org = await subscribedOrg("Dunning");
    failed = await failPayment(org.subscriptionId);
  });

  it("starts a grace period of BILLING_GRACE_DAYS (7 by default) and keeps the plan", async () => {
    expect(failed.deliveries[0]).toMatchObject({ type: "invoice.payment_failed", status: 200, body: { outcome: "applied" } });
    const res = await billing(org.team.owner, org.org.slug);
    expect(res.body).toMatchObject({ plan: "pro", readOnly: false, subscription: { status: "past_due" } });
    const graceEndsAt = new Date(res.body.graceEndsAt!).getTime();
    const failedAt = new Date(res.body.subscription!.paymentFailedAt!).getTime();
    expect(graceEndsAt - failedAt).toBe(7 * DAY_MS);
    expect(Math.abs(failedAt - Date.now())).toBeLessThan(60_000);
  });

  it("emails each owner and admin once, however often the event is delivered", async () => {
    for (const user of [org.team.owner, org.team.admin]) {
      const mail = await waitForMail(user.email, /^Payment failed for /);
      expect(mail.text).toContain(`/dashboard/${org.org.slug}/billing`);
      expect(mail.text).toContain("$48.00");
    }
    expect((await fakeStripe.deliver(failed.events[0]!.id)).body.outcome).toBe("duplicate");
    // Redelivery and a second read do not move the deadline either.
    const before = (await billing(org.team.owner, org.org.slug)).body.graceEndsAt;
    await fakeStripe.updateSubscription(org.subscriptionId, { status: "past_due" });
    expect((await billing(org.team.owner, org.org.slug)).body.graceEndsAt).toBe(before);
    await new Promise((r) => setTimeout(r, 1500)); // time for a wrongly queued second email to be sent
    for (const user of [org.team.owner, org.team.admin]) {
      expect((await readOutbox({ to: user.email })).filter((m) => m.subject.startsWith("Payment failed")).length, user.email).toBe(1);
    }
    for (const user of [org.team.member, org.team.viewer]) expect(await readOutbox({ to: user.email })).toEqual([]);
  });

  it("leaves writes open during the grace period", async () => {
    expect((await client(org.team.member).post(`/api/v1/orgs/${org.org.slug}/projects`, { name: "During grace" })).status).toBe(201);
  });

  it("after the grace period makes the org read-only: reads work, writes are 402 with what to do, and nothing is written", async () => {
    await endGracePeriod(org.org.id);
    const projectsBefore = await projectCount(org.org.id);
    const slug = org.org.slug;

    const writes = {
      createProject: await client(org.team.member).post<Problem>(`/api/v1/orgs/${slug}/projects`, { name: "Refused" }),
      invite: await client(org.team.admin).post<Problem>(`/api/v1/orgs/${slug}/invitations`, { emails: ["late@example.test"], role: "member" }),
      rename: await client(org.team.owner).patch<Problem>(`/api/v1/orgs/${slug}`, { name: "Renamed" }),
      removeSomeoneElse: await client(org.team.admin).delete<Problem>(`/api/v1/orgs/${slug}/members/${org.team.viewer.id}`),
    };
    for (const [name, res] of Object.entries(writes)) {
      expect(res.status, name).toBe(402);
      expect(res.headers.get("content-type"), name).toBe("application/problem+json");
      expect(res.body, name).toMatchObject({ code: "billing_read_only", billingUrl: `/dashboard/${slug}/billing` });
    }
    expect(writes.invite.body.detail).toMatch(/read-only because a payment is overdue\. Pay the open invoice/);
    expect(writes.createProject.body.detail).toMatch(/Ask an owner or admin/);
    expect(await projectCount(org.org.id)).toBe(projectsBefore);

    expect((await client(org.team.viewer).get(`/api/v1/orgs/${slug}/projects`)).status).toBe(200);
    expect((await client(org.team.member).get(`/api/v1/orgs/${slug}/members`)).status).toBe(200);
    expect((await billing(org.team.admin, slug)).body).toMatchObject({ readOnly: true, plan: "pro" });
    // Paying is never blocked.
    expect((await client(org.team.admin).post(`/api/v1/orgs/${slug}/billing/portal`)).status).toBe(200);
  });

  it("a successful payment restores writes at once", async () => {
    const paid = await payInvoice(org.subscriptionId);
    expect(paid.deliveries[0]).toMatchObject({ type: "invoice.paid", status: 200 });
    expect((await billing(org.team.owner, org.org.slug)).body).toMatchObject({ readOnly: false, graceEndsAt: null, subscription: { status: "active", paymentFailedAt: null } });
    expect((await client(org.team.member).post(`/api/v1/orgs/${org.org.slug}/projects`, { name: "Back in business" })).status).toBe(201);
  });

  it("a failure event that arrives after the payment sends no email and starts no grace period", async () => {
    // Stripe fails a renewal and then collects it; the failure's event is delivered last.
    const failedAgain = await fakeStripe.invoice(org.subscriptionId, { paid: false, deliver: false });
    await payInvoice(org.subscriptionId);
    const sentBefore = (await readOutbox({ to: org.team.owner.email })).length;
    expect((await fakeStripe.deliver(failedAgain.events.find((e) => e.type === "invoice.payment_failed")!.id)).status).toBe(200);
    expect((await billing(org.team.owner, org.org.slug)).body).toMatchObject({ readOnly: false, graceEndsAt: null, subscription: { status: "active" } });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await readOutbox({ to: org.team.owner.email })).length).toBe(sentBefore);
  });
});

describe("cancelling", () => {
  let org: Awaited<ReturnType<typeof subscribedOrg>>;
  beforeAll(async () => {
    org = await subscribedOrg("Cancel");
  });

  it("schedules the end at the period end, can be taken back, and each step is audited", async () => {
    const base = `/api/v1/orgs/${org.org.slug}/billing`;
    const cancelled = await client(org.team.admin).post<Billing>(`${base}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ plan: "pro", subscription: { status: "active", cancelAtPeriodEnd: true } });
    const inStripe = (await fakeStripe.state()).subscriptions.find((s) => s.id === org.subscriptionId)!;
    expect(inStripe.cancel_at_period_end).toBe(true);
    // Asking twice changes nothing more.
    expect((await client(org.team.admin).post<Billing>(`${base}/cancel`)).body.subscription?.cancelAtPeriodEnd).toBe(true);

    const resumed = await client(org.team.owner).post<Billing>(`${base}/resume`);
    expect(resumed.body.subscription?.cancelAtPeriodEnd).toBe(false);
    expect((await client(org.team.owner).post<Billing>(`${base}/cancel`)).body.subscription?.cancelAtPeriodEnd).toBe(true);

    const actions = (await auditActions(org.org.id)).map((a) => [a.action, a.actorLabel]).filter(([action]) => action!.startsWith("billing.cancellation"));
    expect(actions).toEqual([
      ["billing.cancellation_scheduled", org.team.admin.email],
      ["billing.cancellation_withdrawn", org.team.owner.email],
      ["billing.cancellation_scheduled", org.team.owner.email],
    ]);
  });

  it("moves the org to Free when the period ends, keeping every project and refusing only new writes past Free's limits", async () => {
    await fillProjects(org.org.id, org.team.owner.id, 60);
    const kept = await projectCount(org.org.id);
    const ended = await fakeStripe.deleteSubscription(org.subscriptionId);
    expect(ended.deliveries[0]).toMatchObject({ type: "customer.subscription.deleted", status: 200 });
    expect(await billingRows(org.org.id)).toMatchObject({ org: { plan: "free", seatsPurchased: null }, subscription: { status: "canceled" } });
    expect(await projectCount(org.org.id)).toBe(kept);
    expect((await client(org.team.member).get(`/api/v1/orgs/${org.org.slug}/projects`)).status).toBe(200);
    const refused = await client(org.team.member).post<Problem>(`/api/v1/orgs/${org.org.slug}/projects`, { name: "Over Free" });
    expect([refused.status, refused.body.code]).toEqual([402, "plan_limit"]);
    // Nothing left to cancel or resume.
    expect((await client(org.team.owner).post<Problem>(`/api/v1/orgs/${org.org.slug}/billing/cancel`)).body.code).toBe("conflict");
  });

  it("is refused to members (403) and to another org's owner (404), with Stripe untouched", async () => {
    const other = await subscribedOrg("Outsider");
    const before = JSON.stringify((await fakeStripe.state()).subscriptions.find((s) => s.id === other.subscriptionId));
    for (const path of ["cancel", "resume"]) {
      expect((await client(other.team.member).post(`/api/v1/orgs/${other.org.slug}/billing/${path}`)).status, path).toBe(403);
      expect((await client(org.team.owner).post(`/api/v1/orgs/${other.org.slug}/billing/${path}`)).status, path).toBe(404);
    }
    expect(JSON.stringify((await fakeStripe.state()).subscriptions.find((s) => s.id === other.subscriptionId))).toBe(before);
  });
});

describe("a trial about to end", () => {
  const trialWillEnd = (subscriptionId: string) => {
    const id = `evt_trial${randomBytes(8).toString("hex")}`;
    const payload = JSON.stringify({ id, object: "event", type: "customer.subscription.trial_will_end", data: { object: { id: subscriptionId, object: "subscription" } } });
    return { id, send: () => postWebhook(payload, sign(payload)) };
  };

  it("emails the owners and admins once, and nothing once the trial has converted", async () => {
    const setup = await orgWithTeam("Trial");
    const started = await client(setup.team.owner).post<{ url: string }>(`/api/v1/orgs/${setup.org.slug}/billing/checkout`, { plan: "pro" });
    const checkout = await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url));
    expect(checkout.subscription.status).toBe("trialing");

    const event = trialWillEnd(checkout.subscription.id);
    expect((await event.send()).body).toMatchObject({ received: true, outcome: "applied" });
    expect((await event.send()).body).toMatchObject({ outcome: "duplicate" });
    for (const user of [setup.team.owner, setup.team.admin]) {
      const mail = await waitForMail(user.email, /^Your Pro trial ends on /);
      expect(mail.text).toContain(`/dashboard/${setup.org.slug}/billing`);
    }

    await fakeStripe.updateSubscription(checkout.subscription.id, { status: "active" });
    expect((await trialWillEnd(checkout.subscription.id).send()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await readOutbox({ to: setup.team.owner.email })).filter((m) => m.subject.includes("trial ends")).length).toBe(1);
    expect(await readOutbox({ to: setup.team.member.email })).toEqual([]);
  });
});
