import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { readOutbox } from "@/lib/mail/outbox";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { client } from "../support/http";
import { linkIn, waitForMail } from "../support/mail";
import { followMagicLink, requestMagicLink, signInWithPassword } from "../support/sign-in";

let n = 0;
const freshEmail = (label: string) => `${label}.${Date.now()}.${++n}@example.test`;
const signUp = (email: string, password = TEST_PASSWORD) => client().post<Record<string, unknown>>("/api/v1/signup", { name: "Vera Verify", email, password });
const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";

describe("email verification before password sign-in", () => {
  it("signs up unverified, refuses the password until the emailed link is opened, then signs in", async () => {
    const email = freshEmail("vera");
    const res = await signUp(email);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: "verification_sent", email });

    expect((await signInWithPassword(email, TEST_PASSWORD)).error).toBe("EmailUnverified");
    // A wrong password says nothing about verification.
    expect((await signInWithPassword(email, "wrong-password-1")).error).toBe("CredentialsSignin");

    const link = linkIn(await waitForMail(email, /verify your email/i), /^\/verify-email$/);
    expect((await client().post("/api/v1/verify-email", { token: tokenOf(link) })).status).toBe(200);
    expect((await signInWithPassword(email, TEST_PASSWORD)).sessionCookie).not.toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerified: true } });
    expect(user.emailVerified).not.toBeNull();
    expect(await db.securityEvent.count({ where: { userId: user.id, type: "email_verified" } })).toBe(1);
  });

  it("refuses forged and malformed tokens, and resends the same answer for any address", async () => {
    expect((await client().post("/api/v1/verify-email", { token: "A".repeat(43) })).status).toBe(404);
    expect((await client().post("/api/v1/verify-email", { token: "not a token" })).status).toBe(400);

    const email = freshEmail("resend");
    await signUp(email);
    const unknown = await client().post("/api/v1/verify-email/resend", { email: freshEmail("nobody") });
    const pending = await client().post("/api/v1/verify-email/resend", { email });
    expect([unknown.status, unknown.body]).toEqual([pending.status, pending.body]);
    expect(pending.status).toBe(202);
    await expect.poll(async () => (await readOutbox({ to: email })).filter((m) => /verify your email/i.test(m.subject)).length).toBe(2);
  });
});

describe("no account enumeration through sign-up", () => {
  it("answers a taken address exactly like a new one and emails its owner instead", async () => {
    const owner = await createUser("Existing Owner");
    const fresh = freshEmail("fresh");
    const taken = await signUp(owner.email.toUpperCase(), "another-password-9");
    const free = await signUp(fresh);
    expect(taken.status).toBe(free.status);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(free.body).sort());
    expect(taken.body.status).toBe(free.body.status);
    expect((await waitForMail(owner.email, /already have/i)).text).toContain("/sign-in");
    // The owner's password is untouched and still works.
    expect((await signInWithPassword(owner.email, TEST_PASSWORD)).sessionCookie).not.toBeNull();
  });
});

describe("account pre-hijack", () => {
  it("the owner's first magic-link sign-in claims an account a stranger created with their address", async () => {
    const email = freshEmail("victim");
    // The attacker signs up first with the victim's address and a password of their own.
    expect((await signUp(email, "attackers-password-1")).status).toBe(202);
    const attacker = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
    const attackerSession = await db.userSession.create({ data: { id: crypto.randomUUID(), userId: attacker.id, method: "credentials" } });

    // The real owner signs in by magic link (their inbox).
    expect((await requestMagicLink(email)).error).toBeNull();
    const cookie = await followMagicLink(linkIn(await waitForMail(email, /sign in to/i), /^\/api\/auth\/callback\/email$/));
    expect(cookie).not.toBeNull();

    const after = await db.user.findUniqueOrThrow({ where: { email }, select: { emailVerified: true, sessionVersion: true, credential: { select: { passwordHash: true } } } });
    expect(after.emailVerified).not.toBeNull();
    expect(after.credential?.passwordHash ?? null).toBeNull();
    expect(after.sessionVersion).toBe(attacker.sessionVersion + 1);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: attackerSession.id } })).revokedAt).not.toBeNull();
    expect(await db.securityEvent.count({ where: { userId: attacker.id, type: "account_claimed" } })).toBe(1);
    // The attacker's password no longer signs in, and the owner's cookie works.
    expect((await signInWithPassword(email, "attackers-password-1")).sessionCookie).toBeNull();
    const res = await fetch(`${inject("baseUrl")}/api/v1/me`, { headers: { cookie: cookie! } });
    expect(res.status).toBe(200);
  });
});
