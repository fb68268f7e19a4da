import { describe, expect, it } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import type { InvitationDto } from "@/lib/invitations/schemas";
import { createOrg } from "@/lib/orgs/service";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { limits, type LimitName } from "@/lib/rate-limit/limits";
import { createRedisStore } from "@/lib/rate-limit/redis-store";
import { addMember, createUser, orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { auditActions, freshEmail, invite, listInvitations, setSeats } from "./invitations.support";

/** Who may send invitations, how many, and what happens to them when the sender loses rank. */

type Problem = { code: string; detail: string };

async function revokedWhy(orgId: string, invitationId: string) {
  return scoped({ orgId }, (tx) =>
    tx.auditEvent.findMany({ where: { orgId, targetId: invitationId, action: "invitation.revoked" }, select: { actorLabel: true, changes: true } }),
  );
}

/** An org with room to invite, and one pending invitation per role the admin may send. */
async function adminInvited() {
  const { org, team } = await orgWithTeam("Sender");
  await setSeats(org.id, 50);
  const sent = await invite(team.admin, org.slug, [freshEmail("as-admin")], "admin");
  const kept = await invite(team.admin, org.slug, [freshEmail("as-member")], "member");
  expect([sent.status, kept.status]).toEqual([201, 201]);
  return { org, team, adminInvite: sent.body.data[0]!, memberInvite: kept.body.data[0]! };
}

const pendingIds = async (...args: Parameters<typeof listInvitations>) => (await listInvitations(...args)).data.map((i: InvitationDto) => i.id).sort();

describe("invitations of a sender who loses rank", () => {
  it("demoting the sender revokes the invitations above their new role, with an audit event, and keeps the rest", async () => {
    const { org, team, adminInvite, memberInvite } = await adminInvited();
    expect((await client(team.owner).patch(`/api/v1/orgs/${org.slug}/members/${team.admin.id}`, { role: "member" })).status).toBe(200);

    expect(await pendingIds(team.owner, org.slug)).toEqual([memberInvite.id]);
    const events = await revokedWhy(org.id, adminInvite.id);
    expect(events).toEqual([{ actorLabel: team.owner.email, changes: { before: { email: adminInvite.email, role: "admin" }, after: { reason: `${team.admin.email} is now a member` } } }]);
    expect(await revokedWhy(org.id, memberInvite.id)).toEqual([]);
  });

  it("removing the sender revokes every invitation they sent", async () => {
    const { org, team, adminInvite, memberInvite } = await adminInvited();
    const ownInvite = await invite(team.owner, org.slug, [freshEmail("by-owner")]);
    expect((await client(team.owner).delete(`/api/v1/orgs/${org.slug}/members/${team.admin.id}`)).status).toBe(204);

    expect(await pendingIds(team.owner, org.slug)).toEqual([ownInvite.body.data[0]!.id]);
    for (const id of [adminInvite.id, memberInvite.id]) expect(await revokedWhy(org.id, id)).toHaveLength(1);
  });

  it("an owner who transfers ownership loses the owner invitations they sent", async () => {
    const { org, team } = await orgWithTeam("Handover");
    await setSeats(org.id, 50);
    const asOwner = await invite(team.owner, org.slug, [freshEmail("as-owner")], "owner");
    const asAdmin = await invite(team.owner, org.slug, [freshEmail("as-admin")], "admin");
    expect((await client(team.owner).post(`/api/v1/orgs/${org.slug}/transfer-ownership`, { userId: team.admin.id })).status).toBe(200);

    expect(await pendingIds(team.admin, org.slug)).toEqual([asAdmin.body.data[0]!.id]);
    expect(await revokedWhy(org.id, asOwner.body.data[0]!.id)).toHaveLength(1);
  });
});

describe("unverified senders", () => {
  it("cannot send invitations: 403 saying to verify the email first, and nothing is written", async () => {
    const { org } = await orgWithTeam("Unverified");
    await setSeats(org.id, 50);
    const unverified = await createUser("Unverified Admin", { verified: false });
    await addMember(org.id, unverified.id, "admin");

    const res = await invite(unverified, org.slug, [freshEmail()]);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((res.body as unknown as Problem).detail).toMatch(/^Verify your email address before inviting people/);
    expect((await listInvitations(unverified, org.slug)).data).toEqual([]);
    expect((await auditActions(org.id)).filter((e) => e.action.startsWith("invitation."))).toEqual([]);
  });

  it("cannot resend one either", async () => {
    const { org, team, memberInvite } = await adminInvited();
    const unverified = await createUser("Unverified Owner", { verified: false });
    await addMember(org.id, unverified.id, "owner");
    const res = await client(unverified).post<Problem>(`/api/v1/orgs/${org.slug}/invitations/${memberInvite.id}/resend`);
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/^Verify your email address/);
    expect((await listInvitations(team.owner, org.slug)).data.find((i) => i.id === memberInvite.id)?.sendCount).toBe(1);
  });
});

/**
 * The test server multiplies every limit by 1000 (RATE_LIMIT_MULTIPLIER): spend the user's
 * bucket in the same Redis, under the app's key, rather than send thousands of requests.
 */
async function spend(name: LimitName, key: string) {
  const limiter = createRateLimiter({ store: createRedisStore(process.env.REDIS_URL ?? "redis://127.0.0.1:6379"), multiplier: 1000 });
  try {
    for (let left = limits[name].tokens * 1000; left > 0; left -= 500) {
      await Promise.all(Array.from({ length: Math.min(500, left) }, () => limiter.limit(name, key)));
    }
  } finally {
    await limiter.close();
  }
}

describe("per-user limits", () => {
  it("limits the invitations one user sends, across all their orgs", async () => {
    const { org, team } = await orgWithTeam("Flood");
    await setSeats(org.id, 50);
    await spend("invite:send", team.admin.id);

    const res = await invite(team.admin, org.slug, [freshEmail()]);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((res.body as unknown as Problem).detail).toMatch(/Wait a while before sending more/);
    expect((await listInvitations(team.admin, org.slug)).data).toEqual([]);
    // Their own org is no way around it.
    const own = await createOrg(team.admin.id, { name: "Side org" });
    await setSeats(own.id, 50);
    expect((await invite(team.admin, own.slug, [freshEmail()])).status).toBe(429);
    // Another sender in the same org is not affected.
    expect((await invite(team.owner, org.slug, [freshEmail()])).status).toBe(201);
  });

  it("limits the organizations one user creates", async () => {
    const user = await createUser("Founder");
    expect((await client(user).post("/api/v1/orgs", { name: "First of many" })).status).toBe(201);
    await spend("org:create", user.id);

    const res = await client(user).post<Problem>("/api/v1/orgs", { name: "One too many" });
    expect(res.status).toBe(429);
    expect(res.body.detail).toMatch(/Wait a while before creating another/);
    const orgs = await client(user).get<{ data: { name: string }[] }>("/api/v1/orgs");
    expect(orgs.body.data.map((o) => o.name)).toEqual(["First of many"]);
  });
});
