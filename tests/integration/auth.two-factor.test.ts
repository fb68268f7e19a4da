import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSession, createUser, orgWithTeam, TEST_PASSWORD, type TestUser } from "../support/factories";
import { setPlan } from "../support/billing";
import { client } from "../support/http";
import { linkIn, waitForMail } from "../support/mail";
import { followMagicLink, requestMagicLink, signInWithPassword } from "../support/sign-in";

type Problem = { code: string; errors?: { path: string }[] };

const codeFor = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

/** Turns 2FA on through the API, as the security page does; returns the secret and recovery codes. */
async function enrol(user: TestUser) {
  const api = client(user);
  const setup = await api.post<{ secret: string; otpauthUrl: string; qrSvg: string }>("/api/v1/me/two-factor/setup");
  expect(setup.status).toBe(200);
  expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
  expect(setup.body.qrSvg).toMatch(/^<svg/);
  const enabled = await api.post<{ recoveryCodes: string[] }>("/api/v1/me/two-factor/enable", { code: codeFor(setup.body.secret) });
  expect(enabled.status).toBe(200);
  expect(enabled.body.recoveryCodes).toHaveLength(10);
  return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
}

describe("two-factor authentication", () => {
  it("is enforced at sign-in: the session owes its code until one is entered, and each code works once", async () => {
    const user = await createUser("Totp User");
    const { secret } = await enrol(user);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.codeHash))).toBe(true);

    const pendingId = await createSession(user, { twoFactorPending: true });
    const pending = client(user, { sessionId: pendingId });
    const refused = await pending.get<Problem>("/api/v1/orgs");
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe("two_factor_pending");

    // The code enabling 2FA was this step's: it cannot be replayed.
    expect((await pending.post<Problem>("/api/v1/me/two-factor/verify", { code: "000000" })).status).toBe(400);
    const next = codeFor(secret, 1);
    expect((await pending.post("/api/v1/me/two-factor/verify", { code: next })).status).toBe(204);
    expect((await pending.get("/api/v1/orgs")).status).toBe(200);

    const again = client(user, { sessionId: await createSession(user, { twoFactorPending: true }) });
    expect((await again.post("/api/v1/me/two-factor/verify", { code: next })).status).toBe(400);
  });

  it("a password sign-in of a 2FA account starts a session that owes the code", async () => {
    const user = await createUser("Totp Signer");
    await enrol(user);
    const { sessionCookie } = await signInWithPassword(user.email, TEST_PASSWORD);
    const session = await db.userSession.findFirstOrThrow({ where: { userId: user.id, method: "credentials" }, orderBy: { createdAt: "desc" } });
    expect(session.twoFactorPending).toBe(true);
    const res = await client(undefined).get<Problem>("/api/v1/orgs", { headers: { cookie: sessionCookie! } });
    expect(res.body.code).toBe("two_factor_pending");
  });

  it("a magic-link sign-in of a 2FA account owes the code too", async () => {
    const user = await createUser("Totp Linker");
    await enrol(user);
    expect((await requestMagicLink(user.email)).error).toBeNull();
    const cookie = await followMagicLink(linkIn(await waitForMail(user.email, /sign in to/i), /^\/api\/auth\/callback\/email$/));
    const res = await client(undefined).get<Problem>("/api/v1/orgs", { headers: { cookie: cookie! } });
    expect([res.status, res.body.code]).toEqual([401, "two_factor_pending"]);
    const session = await db.userSession.findFirstOrThrow({ where: { userId: user.id, method: "email" } });
    expect(session.twoFactorPending).toBe(true);
  });

  it("accepts each recovery code once and limits guessing", async () => {
    const user = await createUser("Recovering");
    const { recoveryCodes } = await enrol(user);
    const api = client(user, { sessionId: await createSession(user, { twoFactorPending: true }) });
    expect((await api.post("/api/v1/me/two-factor/verify", { recoveryCode: recoveryCodes[0]!.toLowerCase() })).status).toBe(204);
    const reuse = client(user, { sessionId: await createSession(user, { twoFactorPending: true }) });
    expect((await reuse.post("/api/v1/me/two-factor/verify", { recoveryCode: recoveryCodes[0] })).status).toBe(400);

    const guesser = client(user, { sessionId: await createSession(user, { twoFactorPending: true }) });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await guesser.post("/api/v1/me/two-factor/verify", { code: String(100000 + i) })).status);
    // The app under test multiplies limits by RATE_LIMIT_MULTIPLIER; the lockout test covers exact counts.
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
  });

  it("turning it off needs a recent sign-in or the password", async () => {
    const user = await createUser("Disabler");
    await enrol(user);
    const staleId = await createSession(user, { authenticatedAt: new Date(Date.now() - 11 * 60_000) });
    const stale = client(user, { sessionId: staleId });
    const refused = await stale.delete<Problem>("/api/v1/me/two-factor");
    expect([refused.status, refused.body.code]).toEqual([403, "reauthentication_required"]);
    expect((await stale.post<Problem>("/api/v1/me/reauthenticate", { password: "not-it-at-all" })).status).toBe(403);
    expect((await stale.post("/api/v1/me/reauthenticate", { password: TEST_PASSWORD })).status).toBe(204);
    expect((await stale.delete("/api/v1/me/two-factor")).status).toBe(204);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { twoFactorEnabledAt: true, credential: { select: { totpSecret: true } } } });
    expect(after.twoFactorEnabledAt).toBeNull();
    expect(after.credential?.totpSecret ?? null).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("what a stolen session cannot do with two-factor authentication", () => {
  it("cannot pass a set-up-only secret's code off as a fresh sign-in", async () => {
    const user = await createUser("Sudo Thief");
    const staleId = await createSession(user, { authenticatedAt: new Date(Date.now() - 11 * 60_000) });
    const thief = client(user, { sessionId: staleId });
    const setup = await thief.post<{ secret: string }>("/api/v1/me/two-factor/setup");
    const verify = await thief.post<Problem>("/api/v1/me/two-factor/verify", { code: codeFor(setup.body.secret) });
    expect(verify.status).toBe(409);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: staleId } });
    expect(Date.now() - session.authenticatedAt.getTime()).toBeGreaterThan(10 * 60_000);
    expect((await thief.post<Problem>("/api/v1/me/email", { newEmail: `thief.${Date.now()}@example.test` })).body.code).toBe("reauthentication_required");
  });

  it("cannot enrol its own authenticator or add a first password without a recent sign-in", async () => {
    const user = await createUser("Enrol Thief");
    await db.userCredential.update({ where: { userId: user.id }, data: { passwordHash: null } });
    const thief = client(user, { sessionId: await createSession(user, { authenticatedAt: new Date(Date.now() - 11 * 60_000) }) });
    const setup = await thief.post<{ secret: string }>("/api/v1/me/two-factor/setup");
    const enable = await thief.post<Problem>("/api/v1/me/two-factor/enable", { code: codeFor(setup.body.secret) });
    expect([enable.status, enable.body.code]).toEqual([403, "reauthentication_required"]);
    const password = await thief.post<Problem>("/api/v1/me/password", { newPassword: "a-thiefs-new-password" });
    expect([password.status, password.body.code]).toEqual([403, "reauthentication_required"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabledAt).toBeNull();
  });
});

describe("an org that requires two-factor authentication", () => {
  it("keeps members without 2FA out of its data until they set it up, and only an owner with 2FA can require it", async () => {
    const { org, team } = await orgWithTeam("Strict");
    // Requiring 2FA is a Pro feature (billing.entitlements.test.ts covers the refusal on Free).
    await setPlan(org.id, "pro");
    const owner = client(team.owner);
    const needsOwn = await owner.patch<Problem>(`/api/v1/orgs/${org.slug}`, { requireTwoFactor: true });
    expect(needsOwn.status).toBe(409);
    expect((await client(team.admin).patch(`/api/v1/orgs/${org.slug}`, { requireTwoFactor: true })).status).toBe(403);

    await enrol(team.owner);
    expect((await owner.patch(`/api/v1/orgs/${org.slug}`, { requireTwoFactor: true })).status).toBe(200);
    const blocked = await client(team.member).get<Problem>(`/api/v1/orgs/${org.slug}/projects`);
    expect([blocked.status, blocked.body.code]).toEqual([403, "two_factor_required"]);
    // Another org's id or slug still says nothing about this one.
    expect((await client(team.member).get("/api/v1/orgs/not-an-org-of-mine/projects")).status).toBe(404);

    await enrol(team.member);
    expect((await client(team.member).get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(200);
  });
});
