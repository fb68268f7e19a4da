import { describe, expect, inject, it } from "vitest";
import type { PendingEmailChange } from "@/lib/account/email-change-request";
import type { Profile } from "@/lib/account/profile";
import { db } from "@/lib/db/client";
import { readOutbox } from "@/lib/mail/outbox";
import { createSession, createUser, type TestUser } from "../support/factories";
import { client } from "../support/http";
import { waitForMail } from "../support/mail";

let n = 0;
const freshEmail = () => `moved.${Date.now()}.${++n}@example.test`;

/** The confirmation link in the newest confirmation email to `to`. */
async function linkSentTo(to: string): Promise<string> {
  const mail = await waitForMail(to, /confirm your new email address/i);
  const url = new URL(/\S+\/account\/confirm-email\?token=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0] ?? "missing-link:");
  expect(url.origin).toBe(inject("baseUrl"));
  return url.pathname + url.search;
}

const request = (user: TestUser, body: { newEmail: string }) =>
  client(user).post<PendingEmailChange & { code?: string; errors?: { path: string }[] }>("/api/v1/me/email", body);

/** Opens the link as a browser would (no session needed) and returns the page's HTML. */
async function open(path: string): Promise<string> {
  const res = await client().get<string>(path);
  expect(res.status).toBe(200);
  return res.body;
}

const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;

describe("changing the email address", () => {
  it("mails a link to the new address; opening it switches the address and ends old sessions", async () => {
    const user = await createUser("Mover");
    const newEmail = freshEmail();
    const res = await request(user, { newEmail: newEmail.toUpperCase() });
    expect(res.status).toBe(202);
    expect(res.body.newEmail).toBe(newEmail);
    expect(new Date(res.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);

    // Nothing changes yet; the profile shows what is pending; the old address got a heads-up.
    expect(await emailOf(user.id)).toBe(user.email);
    expect((await client(user).get<Profile>("/api/v1/me")).body.pendingEmailChange?.newEmail).toBe(newEmail);
    const notice = await waitForMail(user.email, /about to change/);
    expect(notice.text).toContain(newEmail);
    expect(notice.text).not.toContain("token=");
    const stored = await db.emailChange.findFirstOrThrow({ where: { userId: user.id } });
    const link = await linkSentTo(newEmail);
    expect(link).not.toContain(stored.tokenHash);

    expect(await open(link)).toContain("Email address changed");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerified).not.toBeNull();
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);

    expect((await client(user).get("/api/v1/me")).status).toBe(401);
    const renewed = await client({ ...user, sessionVersion: after.sessionVersion }).get<Profile>("/api/v1/me");
    expect(renewed.body).toMatchObject({ email: newEmail, pendingEmailChange: null });

    // A second click (or a mail scanner that got there first) changes nothing more.
    expect(await open(link)).toContain("Already confirmed");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(after.sessionVersion);
  });

  it("needs a recent sign-in, refuses the current address, and answers for a taken address as for a free one", async () => {
    const user = await createUser("Checker");
    const other = await createUser("Holder");
    const stale = await createSession(user, { authenticatedAt: new Date(Date.now() - 11 * 60 * 1000) });
    const refused = await client(user, { sessionId: stale }).post<{ code: string }>("/api/v1/me/email", { newEmail: freshEmail() });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("reauthentication_required");

    const same = await request(user, { newEmail: user.email });
    expect(same.status).toBe(400);
    expect(same.body.errors?.map((e) => e.path)).toEqual(["newEmail"]);

    const free = await request(user, { newEmail: freshEmail() });
    const taken = await request(user, { newEmail: other.email.toUpperCase() });
    expect(taken.status).toBe(free.status);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(free.body).sort());
    // The owner of the taken address hears about it; no confirmation link goes anywhere.
    expect((await waitForMail(other.email, /already have/i)).text).toContain("/sign-in");
    expect((await readOutbox({ to: other.email.toUpperCase() })).some((m) => /confirm your new email/i.test(m.subject))).toBe(false);
  });

  it("refuses an expired link, a replaced one, and an address taken in the meantime", async () => {
    const user = await createUser("Late");
    const first = freshEmail();
    await request(user, { newEmail: first });
    const replacedLink = await linkSentTo(first);
    const second = freshEmail();
    await request(user, { newEmail: second });
    const link = await linkSentTo(second);
    expect(await open(replacedLink)).toContain("This link doesn");

    await db.emailChange.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await open(link)).toContain("This link has expired");
    await db.emailChange.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() + 60_000) } });

    const squatter = await createUser("Squatter");
    await db.user.update({ where: { id: squatter.id }, data: { email: second } });
    expect(await open(link)).toContain("That address is in use");
    expect(await emailOf(user.id)).toBe(user.email);
    expect(await emailOf(squatter.id)).toBe(second);

    expect(await open("/account/confirm-email?token=not-a-token")).toContain("This link doesn");
  });
});
