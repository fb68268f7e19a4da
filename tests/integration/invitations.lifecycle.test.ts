import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import type { AcceptedInvitation, InvitationDto } from "@/lib/invitations/schemas";
import { readOutbox } from "@/lib/mail/outbox";
import { createUser, orgWithTeam, TEST_PASSWORD } from "../support/factories";
import { client } from "../support/http";
import {
  auditActions,
  freshEmail,
  invite,
  invited,
  invitePage,
  listInvitations,
  setSeats,
  signInWithPassword,
  tokenFromEmail,
  waitForMail,
} from "./invitations.support";

let acme: Awaited<ReturnType<typeof orgWithTeam>>;

beforeAll(async () => {
  acme = await orgWithTeam("Lifecycle");
  await setSeats(acme.org.id, 50);
});

const url = () => `/api/v1/orgs/${acme.org.slug}/invitations`;
const accept = (token: string, init?: { cookie: string }) =>
  client().post<AcceptedInvitation>("/api/v1/invitations/accept", { token }, init ? { headers: { cookie: init.cookie } } : undefined);

describe("inviting", () => {
  it("invites several addresses at once, normalised and deduplicated, and emails each a working link", async () => {
    const [a, b] = [freshEmail("ada"), freshEmail("bo")];
    const res = await invite(acme.team.admin, acme.org.slug, [` ${a.toUpperCase()} `, b, a], "viewer");
    expect(res.status).toBe(201);
    expect(res.body.data.map((i) => i.email)).toEqual([a, b]);
    const first = res.body.data[0];
    expect(first).toMatchObject({
      role: "viewer",
      status: "pending",
      sendCount: 1,
      invitedBy: { name: acme.team.admin.name, email: acme.team.admin.email },
    });
    // Expires in 7 days.
    const ttl = new Date(first!.expiresAt).getTime() - new Date(first!.createdAt).getTime();
    expect(Math.round(ttl / 3_600_000)).toBe(7 * 24);

    for (const email of [a, b]) {
      const [mail] = await waitForMail(email);
      expect(mail?.subject).toBe(`${acme.team.admin.name} invited you to join ${acme.org.name} on Tenantkit`);
      expect(mail?.text).toContain("as a viewer");
    }
    expect(await readOutbox({ to: a })).toHaveLength(1);

    // Only the token's SHA-256 is stored, and it is the one the link carries.
    const token = await tokenFromEmail(a);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await scoped({ orgId: acme.org.id }, (tx) => tx.invitation.findUniqueOrThrow({ where: { id: first!.id }, select: { tokenHash: true } }));
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));

    const page = await invitePage(token);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Join ${acme.org.name}`);

    const audit = await auditActions(acme.org.id, first!.id);
    expect(audit).toEqual([{ action: "invitation.created", actorLabel: acme.team.admin.email, targetLabel: a }]);
  });

  it("lists open invitations newest first with the seats in use; members can read it", async () => {
    const before = await listInvitations(acme.team.viewer, acme.org.slug);
    const { invitation } = await invited(acme.team.owner, acme.org.slug, "admin");
    const after = await listInvitations(acme.team.viewer, acme.org.slug);
    expect(after.data[0]).toEqual(invitation);
    expect(after.data).toHaveLength(before.data.length + 1);
    expect(after.seats).toEqual({ used: before.seats.used + 1, limit: 50 });
  });
});

describe("accepting", () => {
  it("a signed-in user with the invited email accepts and lands in the org with the invited role", async () => {
    const user = await createUser("Signed In");
    const { invitation, token } = await invited(acme.team.admin, acme.org.slug, "member", user.email);
    const seatsBefore = (await listInvitations(acme.team.owner, acme.org.slug)).seats.used;

    const page = await invitePage(token, user);
    expect(page.text).toContain("Accept invitation");
    expect(page.text).toContain(`Signed in as ${user.email}`);

    const res = await client(user).post<AcceptedInvitation>("/api/v1/invitations/accept", { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ org: { slug: acme.org.slug, name: acme.org.name }, role: "member" });

    const members = await client(user).get<{ data: { email: string; role: string }[] }>(`/api/v1/orgs/${acme.org.slug}/members`);
    expect(members.body.data).toContainEqual(expect.objectContaining({ email: user.email, role: "member" }));
    const list = await listInvitations(acme.team.owner, acme.org.slug);
    expect(list.data.map((i) => i.id)).not.toContain(invitation.id);
    // The pending seat became a member seat.
    expect(list.seats.used).toBe(seatsBefore);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();

    expect((await auditActions(acme.org.id, invitation.id)).map((e) => e.action)).toEqual(["invitation.created", "invitation.accepted"]);
    expect(await auditActions(acme.org.id, user.id)).toEqual([{ action: "member.joined", actorLabel: user.email, targetLabel: user.email }]);

    expect((await invitePage(token, user)).text).toContain(`Open ${acme.org.name}`);
  });

  it("an existing user who is signed out sees who invited them, signs in, and accepts", async () => {
    const user = await createUser("Returning");
    const { token } = await invited(acme.team.admin, acme.org.slug, "viewer", user.email);

    const page = await invitePage(token);
    expect(page.text).toContain(`Join ${acme.org.name}`);
    expect(page.text).toContain(`Invited by ${acme.team.admin.name}`);
    expect(page.text).toContain("Viewer");
    expect(page.html).toContain(`href="/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}"`);
    expect(page.html).toContain(`href="/sign-up?invite=${token}"`);

    const cookie = await signInWithPassword(user.email, TEST_PASSWORD);
    expect((await invitePage(token, undefined, cookie)).text).toContain("Accept invitation");

    const res = await accept(token, { cookie });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("viewer");
    const orgs = await client().get<{ data: { slug: string; role: string }[] }>("/api/v1/orgs", { headers: { cookie } });
    expect(orgs.body.data).toContainEqual(expect.objectContaining({ slug: acme.org.slug, role: "viewer" }));
  });

  it("a new user signs up through the link: member with the invited role, email verified, no personal org", async () => {
    const { email, invitation, token } = await invited(acme.team.admin, acme.org.slug, "admin");

    const signUpPage = await client().get<string>(`/sign-up?invite=${token}`);
    expect(signUpPage.body).toContain(`Join ${acme.org.name}`);
    // Reached from sign-in's "Sign up" link, which keeps only the way back to the invitation.
    const viaSignIn = await client().get<string>(`/sign-up?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
    expect(viaSignIn.body).toContain(`Join ${acme.org.name}`);
    // The email is the invited one, and locked.
    const emailInput = signUpPage.body.match(/<input[^>]*name="email"[^>]*>/)?.[0];
    expect(emailInput).toContain(`value="${email}"`);
    expect(emailInput).toContain('readOnly=""');

    const res = await client().post<{ user: { id: string }; org: { slug: string } }>("/api/v1/signup", {
      name: "Nova Invitee",
      email,
      password: TEST_PASSWORD,
      inviteToken: token,
    });
    expect(res.status).toBe(201);
    expect(res.body.org.slug).toBe(acme.org.slug);

    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerified: true } });
    expect(user.emailVerified).not.toBeNull();
    const cookie = await signInWithPassword(email, TEST_PASSWORD);
    const orgs = await client().get<{ data: { slug: string; role: string; personal: boolean }[] }>("/api/v1/orgs", { headers: { cookie } });
    expect(orgs.body.data).toEqual([expect.objectContaining({ slug: acme.org.slug, role: "admin", personal: false })]);

    expect((await auditActions(acme.org.id, invitation.id)).map((e) => e.action)).toEqual(["invitation.created", "invitation.accepted"]);
    expect(await auditActions(acme.org.id, user.id)).toEqual([{ action: "member.joined", actorLabel: email, targetLabel: email }]);
    // The link is spent: the page says so, and signing up with it again is refused.
    expect((await invitePage(token)).text).toContain("This invitation has already been used");
  });
});

describe("resending and revoking", () => {
  it("resend rotates the link, extends the expiry and counts the send; the old link stops working", async () => {
    const { email, invitation, token: oldToken } = await invited(acme.team.admin, acme.org.slug);
    const res = await client(acme.team.admin).post<InvitationDto>(`${url()}/${invitation.id}/resend`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: invitation.id, sendCount: 2, status: "pending" });
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(new Date(invitation.expiresAt).getTime());
    expect(new Date(res.body.lastSentAt).getTime()).toBeGreaterThan(new Date(invitation.lastSentAt).getTime());

    const newToken = await tokenFromEmail(email, 2);
    expect(newToken).not.toBe(oldToken);
    expect((await invitePage(oldToken)).text).toContain("This invitation link is not valid");
    expect((await invitePage(newToken)).text).toContain(`Join ${acme.org.name}`);
    expect((await auditActions(acme.org.id, invitation.id)).map((e) => e.action)).toEqual(["invitation.created", "invitation.resent"]);
  });

  it("revoke withdraws the invitation, frees its seat, and its link explains what happened", async () => {
    const { invitation, token } = await invited(acme.team.admin, acme.org.slug);
    const before = await listInvitations(acme.team.admin, acme.org.slug);
    expect((await client(acme.team.admin).delete(`${url()}/${invitation.id}`)).status).toBe(204);

    const after = await listInvitations(acme.team.admin, acme.org.slug);
    expect(after.data.map((i) => i.id)).not.toContain(invitation.id);
    expect(after.seats.used).toBe(before.seats.used - 1);
    expect((await invitePage(token)).text).toContain("This invitation was withdrawn");
    expect((await auditActions(acme.org.id, invitation.id)).map((e) => e.action)).toEqual(["invitation.created", "invitation.revoked"]);
    // Gone from the list, so revoking or resending it again finds nothing.
    expect((await client(acme.team.admin).delete(`${url()}/${invitation.id}`)).status).toBe(404);
    expect((await client(acme.team.admin).post(`${url()}/${invitation.id}/resend`)).status).toBe(404);
  });
});
