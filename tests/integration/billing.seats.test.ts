import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { InvitationDto } from "@/lib/invitations/schemas";
import { createUser, orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { billingRows } from "./billing.support";
import { asOwner, jobByKey, setOutage, stripeQuantity, subscribePro, syncState, waitFor } from "./billing-sync.support";
import { freshEmail, invited } from "./invitations.support";

/**
 * A per-seat subscription's quantity follows the seats in use (members + pending invitations):
 * each change queues `billing_sync_seats` in its own transaction, and the app's worker sets
 * the quantity in (fake) Stripe with proration. Stripe being down never blocks the change.
 */

let team: Awaited<ReturnType<typeof orgWithTeam>>;
let subscriptionId: string;

beforeAll(async () => {
  team = await orgWithTeam("Seats");
  subscriptionId = await subscribePro(team.team.owner, team.org.slug);
});

afterEach(() => setOutage(false));

const quantityBecomes = (n: number) => waitFor(() => stripeQuantity(subscriptionId), (q) => q === n, 20_000, `Stripe quantity ${n}`);
const prorations = async () => (await syncState()).prorations.filter((p) => p.subscription === subscriptionId);
const seatsSynced = (orgId: string) =>
  asOwner(async (db) => (await db.query<{ changes: { before: { seats: number }; after: { seats: number } }; actorType: string }>(
    `select changes, "actorType" from audit_events where "orgId" = $1 and action = 'billing.seats_synced' order by "createdAt"`, [orgId])).rows);

describe("seats follow the team", () => {
  it("starts at the seats in use", async () => {
    expect(await stripeQuantity(subscriptionId)).toBe(4);
  });

  it("an invitation adds a seat and revoking it takes it away, each prorated", async () => {
    const owner = client(team.team.owner);
    const sent = await owner.post<{ data: InvitationDto[] }>(`/api/v1/orgs/${team.org.slug}/invitations`, { emails: [freshEmail()], role: "member" });
    expect(sent.status).toBe(201);
    await quantityBecomes(5);

    expect((await owner.delete(`/api/v1/orgs/${team.org.slug}/invitations/${sent.body.data[0]!.id}`)).status).toBe(204);
    await quantityBecomes(4);

    expect((await prorations()).map(({ from, to, behavior }) => ({ from, to, behavior }))).toEqual([
      { from: 4, to: 5, behavior: "create_prorations" },
      { from: 5, to: 4, behavior: "create_prorations" },
    ]);
    // The stored subscription and the org's paid seats follow what Stripe answered.
    const rows = await waitFor(() => billingRows(team.org.id), (r) => r.subscription?.seatsPaid === 4);
    expect(rows.org.seatsPurchased).toBe(4);
    const audited = await seatsSynced(team.org.id);
    expect(audited.map((e) => [e.actorType, e.changes.before.seats, e.changes.after.seats])).toEqual([
      ["system", 4, 5],
      ["system", 5, 4],
    ]);
  });

  it("accepting keeps the seat the invitation held; removing the member frees it", async () => {
    const joiner = await createUser("Seat Joiner");
    const { token } = await invited(team.team.admin, team.org.slug, "member", joiner.email);
    await quantityBecomes(5);
    const before = (await prorations()).length;

    expect((await client(joiner).post("/api/v1/invitations/accept", { token })).status).toBe(200);
    // The accept's sync finds nothing to change: let it run, then check nothing was billed.
    await waitFor(() => jobByKey(`billing-seats:${team.org.id}`), (job) => job === null, 15_000, "the seat sync job to finish");
    expect(await stripeQuantity(subscriptionId)).toBe(5);
    expect(await prorations()).toHaveLength(before);

    expect((await client(team.team.owner).delete(`/api/v1/orgs/${team.org.slug}/members/${joiner.id}`)).status).toBe(204);
    await quantityBecomes(4);
    expect((await prorations()).at(-1)).toMatchObject({ from: 5, to: 4, behavior: "create_prorations" });
  });

  it("a member leaving by deleting their account frees their seat", async () => {
    const leaver = await createUser("Seat Leaver");
    const { token } = await invited(team.team.owner, team.org.slug, "member", leaver.email);
    expect((await client(leaver).post("/api/v1/invitations/accept", { token })).status).toBe(200);
    await quantityBecomes(5);

    expect((await client(leaver).delete("/api/v1/me", { body: { confirmEmail: leaver.email } })).status).toBe(200);
    await quantityBecomes(4);
  });
});

describe("Stripe down during a seat change", () => {
  it("keeps the change, fails the job and retries it, and syncs once Stripe is back", async () => {
    const owner = client(team.team.owner);
    await setOutage(true);
    const email = freshEmail();
    const sent = await owner.post<{ data: InvitationDto[] }>(`/api/v1/orgs/${team.org.slug}/invitations`, { emails: [email], role: "member" });
    expect(sent.status).toBe(201);

    const failed = await waitFor(() => jobByKey(`billing-seats:${team.org.id}`), (job) => Boolean(job?.last_error), 30_000, "a failed attempt");
    expect(failed!.last_error).toMatch(/unavailable|outage|api_error/i);
    // The invitation stands, and Stripe still bills the old count.
    const list = await owner.get<{ data: InvitationDto[] }>(`/api/v1/orgs/${team.org.slug}/invitations`);
    expect(list.body.data.map((i) => i.email)).toContain(email);
    expect(await stripeQuantity(subscriptionId)).toBe(4);

    await setOutage(false);
    await quantityBecomes(5);
    expect((await prorations()).at(-1)).toMatchObject({ from: 4, to: 5, behavior: "create_prorations" });
    await waitFor(() => jobByKey(`billing-seats:${team.org.id}`), (job) => job === null, 15_000, "the job to complete");
  });

  it("also when Stripe's connection drops", async () => {
    const owner = client(team.team.owner);
    const invitations = await owner.get<{ data: InvitationDto[] }>(`/api/v1/orgs/${team.org.slug}/invitations`);
    await setOutage(true, "drop");
    expect((await owner.delete(`/api/v1/orgs/${team.org.slug}/invitations/${invitations.body.data[0]!.id}`)).status).toBe(204);
    // graphile-worker counts an attempt when it takes the job; last_error is set once it failed.
    const failed = await waitFor(() => jobByKey(`billing-seats:${team.org.id}`), (job) => Boolean(job?.last_error), 30_000, "a failed attempt");
    expect(failed!.last_error).toMatch(/connection|socket|ECONNRESET/i);
    expect(await stripeQuantity(subscriptionId)).toBe(5);
    await setOutage(false);
    await quantityBecomes(4);
  });
});

describe("orgs that do not pay per seat", () => {
  it("queue no seat sync", async () => {
    const free = await orgWithTeam("Free Seats");
    expect((await client(free.team.owner).post(`/api/v1/orgs/${free.org.slug}/invitations`, { emails: [freshEmail()], role: "member" })).status).toBe(201);
    expect(await jobByKey(`billing-seats:${free.org.id}`)).toBeNull();
  });
});
