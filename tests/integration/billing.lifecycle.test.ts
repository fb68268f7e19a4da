import { describe, expect, it } from "vitest";
import type { InvitationDto } from "@/lib/invitations/schemas";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { waitForMail } from "../support/mail";
import { auditActions, freshEmail } from "./invitations.support";
import { billingRows, fakeStripe } from "./billing.support";
import { asOwner, stripeQuantity, subscribePro, syncState, waitFor } from "./billing-sync.support";

/**
 * One subscription's whole life, in order, through the real app, its webhook and its worker,
 * against the local Stripe stand-in: what an admin sees at each step and what Stripe holds.
 */

type Billing = { plan: string; seatsPaid: number | null; seatsInUse: number; graceEndsAt: string | null; readOnly: boolean; subscription: { status: string; seatsPaid: number; cancelAtPeriodEnd: boolean } | null };
type Problem = { code: string; status: number };

describe("a Pro subscription from checkout to Free", () => {
  it("checkout → active → seats prorated → payment failed → grace → read-only → paid → cancel at period end → ended → Free", async () => {
    const { org, team } = await orgWithTeam("Lifecycle");
    const owner = client(team.owner);
    const billing = async () => (await owner.get<Billing>(`/api/v1/orgs/${org.slug}/billing`)).body;
    const createProject = (name: string) => client(team.member).post<Problem>(`/api/v1/orgs/${org.slug}/projects`, { name });

    // Checkout: a trial on Pro for the 4 seats in use, then the trial converts.
    const subscriptionId = await subscribePro(team.owner, org.slug);
    expect(await billing()).toMatchObject({ plan: "pro", seatsPaid: 4, subscription: { status: "trialing", seatsPaid: 4 } });
    await fakeStripe.renew(subscriptionId, { paid: true });
    expect(await billing()).toMatchObject({ plan: "pro", subscription: { status: "active" } });

    // A new teammate takes a seat: the quantity follows with proration, and comes back to the app.
    const sent = await owner.post<{ data: InvitationDto[] }>(`/api/v1/orgs/${org.slug}/invitations`, { emails: [freshEmail("lifecycle")], role: "member" });
    expect(sent.status).toBe(201);
    await waitFor(() => stripeQuantity(subscriptionId), (q) => q === 5, 20_000, "Stripe quantity 5");
    const prorations = (await syncState()).prorations.filter((p) => p.subscription === subscriptionId);
    expect(prorations.map(({ from, to, behavior }) => ({ from, to, behavior }))).toEqual([{ from: 4, to: 5, behavior: "create_prorations" }]);
    await waitFor(billing, (b) => b.seatsPaid === 5, 20_000, "5 paid seats in the app");

    // The renewal fails: a grace period, an email, writes still open.
    const failed = await fakeStripe.invoice(subscriptionId, { paid: false });
    expect(failed.deliveries.every((d) => d.status === 200)).toBe(true);
    const grace = await billing();
    expect(grace).toMatchObject({ readOnly: false, subscription: { status: "past_due" } });
    expect(grace.graceEndsAt).not.toBeNull();
    await waitForMail(team.owner.email, /^Payment failed for /);
    expect((await createProject("During grace")).status).toBe(201);

    // The grace period runs out: read-only.
    await asOwner((db) => db.query(`update organizations set "billingGraceEndsAt" = now() - interval '1 second' where id = $1`, [org.id]));
    expect(await billing()).toMatchObject({ readOnly: true });
    const refused = await createProject("Refused");
    expect([refused.status, refused.body.code]).toEqual([402, "billing_read_only"]);
    expect((await client(team.viewer).get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(200);

    // Paid: restored at once.
    await fakeStripe.invoice(subscriptionId, { paid: true });
    expect(await billing()).toMatchObject({ readOnly: false, graceEndsAt: null, subscription: { status: "active" } });
    expect((await createProject("Restored")).status).toBe(201);

    // Cancelled at period end: nothing changes until the period ends.
    expect((await owner.post(`/api/v1/orgs/${org.slug}/billing/cancel`)).status).toBe(200);
    expect(await billing()).toMatchObject({ plan: "pro", subscription: { status: "active", cancelAtPeriodEnd: true } });

    // The period ends: Stripe ends the subscription and the org is on Free, its data kept.
    const projectsBefore = (await client(team.member).get<{ data: unknown[] }>(`/api/v1/orgs/${org.slug}/projects?limit=100`)).body.data.length;
    const ended = await fakeStripe.renew(subscriptionId, { paid: true });
    expect(ended.events.map((e) => e.type)).toContain("customer.subscription.deleted");
    expect(await billingRows(org.id)).toMatchObject({ org: { plan: "free", seatsPurchased: null }, subscription: { status: "canceled" } });
    expect(await billing()).toMatchObject({ plan: "free", readOnly: false, subscription: { status: "canceled" } });
    expect((await client(team.member).get<{ data: unknown[] }>(`/api/v1/orgs/${org.slug}/projects?limit=100`)).body.data.length).toBe(projectsBefore);

    // Each step left its trace in the audit log, by who did it.
    const actions = (await auditActions(org.id)).map((a) => a.action);
    for (const action of ["billing.checkout_started", "subscription.changed", "billing.seats_synced", "billing.cancellation_scheduled"]) expect(actions, action).toContain(action);
  });
});
