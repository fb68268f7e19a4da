import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { createRedisStore } from "@/lib/rate-limit/redis-store";
import type { InvitationDto } from "@/lib/invitations/schemas";
import { readOutbox } from "@/lib/mail/outbox";
import { createUser, orgWithTeam, TEST_PASSWORD } from "../support/factories";
import { client } from "../support/http";
import { auditActions, expireInvitation, freshEmail, invite, invited, invitePage, listInvitations, setSeats } from "./invitations.support";

type Problem = { code: string; detail: string; errors?: { path: string; message: string }[] };

const accept = (as: Parameters<typeof client>[0], token: string) => client(as).post<Problem>("/api/v1/invitations/accept", { token });
const invitationActions = async (orgId: string) => (await auditActions(orgId)).filter((e) => e.action.startsWith("invitation."));

describe("seat limit", () => {
  it("counts members and pending invitations against the free plan, and says what to do when full", async () => {
    const { org, team } = await orgWithTeam("Seats");
    // 4 members on the free plan's 5 seats.
    expect((await listInvitations(team.admin, org.slug)).seats).toEqual({ used: 4, limit: 5 });

    const refused = [freshEmail(), freshEmail()];
    const two = await invite(team.admin, org.slug, refused);
    expect(two.status).toBe(402);
    expect(two.body).toMatchObject({ code: "seat_limit" });
    expect((two.body as unknown as Problem).detail).toBe(
      "This organization has 4 of 5 seats in use (members and pending invitations). Inviting 2 people needs 2 free seats; 1 is left. Remove a member, revoke an invitation, or upgrade the plan to invite more.",
    );
    // All or nothing: the one that would have fitted was not sent either.
    expect((await listInvitations(team.admin, org.slug)).data).toEqual([]);
    expect(await invitationActions(org.id)).toEqual([]);

    const { invitation } = await invited(team.admin, org.slug);
    // That email has arrived; the refused ones, queued before it had they been queued at all, never will.
    for (const email of refused) expect(await readOutbox({ to: email })).toEqual([]);
    const full = await invite(team.admin, org.slug, [freshEmail()]);
    expect(full.status).toBe(402);
    expect((full.body as unknown as Problem).detail).toBe(
      "This organization has 5 of 5 seats in use (members and pending invitations). Remove a member, revoke an invitation, or upgrade the plan to invite more.",
    );

    // An expired invitation no longer holds its seat, so resending it needs a free one.
    await expireInvitation(org.id, invitation.id);
    const listed = await listInvitations(team.admin, org.slug);
    expect(listed.seats.used).toBe(4);
    expect(listed.data[0]).toMatchObject({ id: invitation.id, status: "expired" });
    await invited(team.admin, org.slug);
    const resend = await client(team.admin).post<Problem>(`/api/v1/orgs/${org.slug}/invitations/${invitation.id}/resend`);
    expect(resend.status).toBe(402);

    // Seats bought by contract replace the free plan's limit.
    await setSeats(org.id, 7);
    expect((await client(team.admin).post(`/api/v1/orgs/${org.slug}/invitations/${invitation.id}/resend`)).status).toBe(200);
    await invited(team.admin, org.slug);
    const paidFull = await invite(team.admin, org.slug, [freshEmail()]);
    expect(paidFull.status).toBe(402);
    expect((paidFull.body as unknown as Problem).detail).toContain("7 of 7 seats in use");
    expect((paidFull.body as unknown as Problem).detail).toContain("buy more seats");

    // A per-seat plan never refuses a member: the subscription follows the team.
    await setSeats(org.id, 7, "pro");
    expect((await invite(team.admin, org.slug, [freshEmail()])).status).toBe(201);
  });
});

describe("who and what can be invited", () => {
  it("refuses existing members and already-invited addresses by position, inviting nobody", async () => {
    const { org, team } = await orgWithTeam("Dupes");
    await setSeats(org.id, 50);
    const { email: pending } = await invited(team.admin, org.slug);
    const newcomer = freshEmail();

    const res = await invite(team.admin, org.slug, [newcomer, team.member.email.toUpperCase(), pending]);
    expect(res.status).toBe(409);
    const body = res.body as unknown as Problem;
    expect(body.code).toBe("conflict");
    expect(body.errors).toEqual([
      { path: "emails.1", message: `${team.member.email} is already a member` },
      { path: "emails.2", message: `${pending} already has an invitation; resend it instead` },
    ]);
    expect(body.detail).toContain(`${team.member.email} is already a member of ${org.name}.`);
    expect(body.detail).toContain(`${pending} already has an invitation: resend it from the pending invitations instead.`);

    const again = await invite(team.owner, org.slug, [pending]);
    expect(again.status).toBe(409);
    expect((again.body as unknown as Problem).detail).toMatch(/resend it/);

    const list = await listInvitations(team.admin, org.slug);
    expect(list.data.map((i) => i.email)).toEqual([pending]);
    expect((await invitationActions(org.id)).map((e) => e.action)).toEqual(["invitation.created"]);
  });

  it("validates every address and the batch size", async () => {
    const { org, team } = await orgWithTeam("Valid");
    const bad = await invite(team.admin, org.slug, [freshEmail(), freshEmail(), "not-an-email"]);
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as Problem).errors).toEqual([{ path: "emails.2", message: "is not a valid email address" }]);
    expect((await invite(team.admin, org.slug, [])).status).toBe(400);
    expect((await invite(team.admin, org.slug, Array.from({ length: 21 }, () => freshEmail()))).status).toBe(400);
    expect((await invite(team.admin, org.slug, [freshEmail()], "superuser")).status).toBe(400);
  });

  it("only an owner invites, resends or revokes for the owner role; members cannot invite at all", async () => {
    const { org, team } = await orgWithTeam("Ranks");
    await setSeats(org.id, 50);
    const byAdmin = await invite(team.admin, org.slug, [freshEmail()], "owner");
    expect(byAdmin.status).toBe(403);
    expect((byAdmin.body as unknown as Problem).detail).toBe("Your role (admin) cannot send invitations for the owner role. Ask an owner.");
    expect((await invite(team.member, org.slug, [freshEmail()])).status).toBe(403);
    expect((await invite(team.viewer, org.slug, [freshEmail()])).status).toBe(403);

    const { invitation } = await invited(team.owner, org.slug, "owner");
    const base = `/api/v1/orgs/${org.slug}/invitations/${invitation.id}`;
    expect((await client(team.admin).post(`${base}/resend`)).status).toBe(403);
    expect((await client(team.admin).delete(base)).status).toBe(403);
    expect((await client(team.member).delete(base)).status).toBe(403);
    expect((await listInvitations(team.owner, org.slug)).data).toEqual([expect.objectContaining({ id: invitation.id, sendCount: 1 })]);
    expect((await client(team.owner).delete(base)).status).toBe(204);
  });
});

describe("links that cannot be used get a clear page and a clear refusal", () => {
  it("an unknown or mangled link", async () => {
    const user = await createUser("Curious");
    const unknown = randomBytes(32).toString("base64url");
    for (const token of [unknown, "abc", `${"a".repeat(42)}~`]) {
      const page = await invitePage(token);
      expect(page.status).toBe(200);
      expect(page.text).toContain("This invitation link is not valid");
    }
    const res = await accept(user, unknown);
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual([{ path: "token", message: "is not valid" }]);
    expect((await accept(user, "abc")).status).toBe(400);
  });

  it("an expired link", async () => {
    const { org, team } = await orgWithTeam("Expired");
    const user = await createUser("Late");
    const { invitation, token } = await invited(team.admin, org.slug, "member", user.email);
    await expireInvitation(org.id, invitation.id);

    expect((await invitePage(token, user)).text).toContain("This invitation has expired");
    const res = await accept(user, token);
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ path: "token", message: "has expired" }]);
    expect(res.body.detail).toContain("Ask the person who invited you to send a new one.");
    const signUp = await client().post<Problem>("/api/v1/signup", { name: "Late", email: freshEmail(), password: TEST_PASSWORD, inviteToken: token });
    expect(signUp.status).toBe(409);
    // The sign-up page hands an unusable link back to the page that explains it.
    expect((await client().get(`/sign-up?invite=${token}`)).headers.get("location")).toContain(`/invite/${token}`);
  });

  it("a revoked link", async () => {
    const { org, team } = await orgWithTeam("Revoked");
    const user = await createUser("Withdrawn");
    const { invitation, token } = await invited(team.admin, org.slug, "member", user.email);
    expect((await client(team.admin).delete(`/api/v1/orgs/${org.slug}/invitations/${invitation.id}`)).status).toBe(204);

    expect((await invitePage(token, user)).text).toContain("This invitation was withdrawn");
    const res = await accept(user, token);
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ path: "token", message: "was revoked" }]);
    expect((await client(user).get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(404);
  });

  it("a link that was already used, by anyone", async () => {
    const { org, team } = await orgWithTeam("Reused");
    const user = await createUser("Once");
    const { token } = await invited(team.admin, org.slug, "member", user.email);
    expect((await accept(user, token)).status).toBe(200);

    const again = await accept(user, token);
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ path: "token", message: "was already used" }]);
    expect((await invitePage(token)).text).toContain("This invitation has already been used");
    const signUp = await client().post<Problem>("/api/v1/signup", { name: "Copycat", email: freshEmail(), password: TEST_PASSWORD, inviteToken: token });
    expect(signUp.status).toBe(409);
    expect(signUp.body.errors).toEqual([{ path: "inviteToken", message: "was already used" }]);
    expect((await auditActions(org.id, user.id)).map((e) => e.action)).toEqual(["member.joined"]);
  });

  it("a link opened by another account", async () => {
    const { org, team } = await orgWithTeam("Wrong");
    const intended = freshEmail("intended");
    const other = await createUser("Other Person");
    const { invitation, token } = await invited(team.admin, org.slug, "member", intended);

    const page = await invitePage(token, other);
    expect(page.text).toContain(`This invitation was sent to ${intended}; you are signed in as ${other.email}.`);
    expect(page.text).toContain("Sign out and switch account");
    expect(page.text).not.toContain("Accept invitation");

    const res = await accept(other, token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect(res.body.detail).toBe(`This invitation was sent to ${intended}, but you are signed in as ${other.email}. Sign in as ${intended} to accept it.`);

    // Signing up with another address through the link is refused before anything is created.
    const stranger = freshEmail("stranger");
    const signUp = await client().post<Problem>("/api/v1/signup", { name: "Stranger", email: stranger, password: TEST_PASSWORD, inviteToken: token });
    expect(signUp.status).toBe(403);
    expect(await db.user.findUnique({ where: { email: stranger } })).toBeNull();

    expect((await client(other).get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(404);
    expect((await listInvitations(team.admin, org.slug)).data).toEqual([expect.objectContaining({ id: invitation.id, status: "pending" })]);
  });
});

describe("resend rate limit", () => {
  it("refuses a resend once the invitation's hourly budget is spent, with Retry-After", async () => {
    const { org, team } = await orgWithTeam("Throttle");
    await setSeats(org.id, 50);
    const { invitation } = await invited(team.admin, org.slug);
    const resend = () => client(team.admin).post<InvitationDto>(`/api/v1/orgs/${org.slug}/invitations/${invitation.id}/resend`);
    expect((await resend()).status).toBe(200);

    // The test server multiplies every limit (RATE_LIMIT_MULTIPLIER=1000): spend the rest of
    // this invitation's bucket in the same Redis, under the app's key, instead of 3000 resends.
    const limiter = createRateLimiter({ store: createRedisStore(process.env.REDIS_URL ?? "redis://127.0.0.1:6379"), multiplier: 1000 });
    try {
      for (let left = 3000; left > 0; left -= 250) {
        await Promise.all(Array.from({ length: 250 }, () => limiter.limit("invite:resend", invitation.id)));
      }
    } finally {
      await limiter.close();
    }

    const limited = await resend();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((limited.body as unknown as Problem).detail).toMatch(/Wait a while before sending it again/);
    // Refused before anything changed.
    expect((await listInvitations(team.admin, org.slug)).data[0]).toMatchObject({ sendCount: 2 });
  });
});
