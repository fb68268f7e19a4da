import { randomBytes } from "node:crypto";
import { expect, inject } from "vitest";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import type { InvitationDto, InvitationList } from "@/lib/invitations/schemas";
import { readOutbox, type OutboxEntry } from "@/lib/mail/outbox";
import type { TestUser } from "../support/factories";
import { client } from "../support/http";

/** Shared by the invitations.*.test.ts files: inviting, reading the email, signing in. */

export const freshEmail = (label = "invitee") => `${label}.${randomBytes(4).toString("hex")}@example.test`;

/** Room for the test's invitations: orgWithTeam already fills 4 of the free plan's 5 seats. */
/** Seats bought by contract (Enterprise caps at them; per-seat Pro never refuses), or back to Free with null. */
export async function setSeats(orgId: string, seatsPurchased: number | null, plan = seatsPurchased === null ? "free" : "enterprise") {
  await db.organization.update({ where: { id: orgId }, data: { plan, seatsPurchased } });
}

export async function invite(as: TestUser, slug: string, emails: string[], role = "member") {
  return client(as).post<{ data: InvitationDto[] }>(`/api/v1/orgs/${slug}/invitations`, { emails, role });
}

export async function listInvitations(as: TestUser, slug: string) {
  return (await client(as).get<InvitationList>(`/api/v1/orgs/${slug}/invitations`)).body;
}

/**
 * The invitation emails `to` has received, newest first, once there are at least `count`.
 * The job worker sends it once the transaction has committed, so it may land a moment later.
 */
export async function waitForMail(to: string, count = 1): Promise<OutboxEntry[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mail = await readOutbox({ to });
    if (mail.length >= count) return mail;
    if (Date.now() > deadline) throw new Error(`Expected ${count} email(s) to ${to}, found ${mail.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The token in the newest invitation link sent to `to`, checked to point at this app. */
export async function tokenFromEmail(to: string, count = 1): Promise<string> {
  const [latest] = await waitForMail(to, count);
  const match = latest?.text.match(/(\S+)\/invite\/([A-Za-z0-9_-]+)/);
  expect(match?.[1]).toBe(inject("baseUrl"));
  expect(latest?.html).toContain(`/invite/${match?.[2]}`);
  return match?.[2] ?? "";
}

/** Invites one fresh (or given) address and returns it with its invitation and link token. */
export async function invited(as: TestUser, slug: string, role = "member", email = freshEmail()) {
  const res = await invite(as, slug, [email], role);
  expect(res.status).toBe(201);
  const [invitation] = res.body.data;
  if (!invitation) throw new Error("no invitation returned");
  return { email, invitation, token: await tokenFromEmail(email) };
}

/** What a reader sees of a server-rendered page: the body's text, without tags, scripts or React's markers. */
export function visibleText(html: string): string {
  return html
    .slice(html.indexOf("<body"))
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .replace(/ ([;,.:])/g, "$1");
}

/** The invite page as `as` (or signed out) sees it: its HTML, for links, and its text. */
export async function invitePage(token: string, as?: TestUser, cookie?: string) {
  const res = await client(as).get<string>(`/invite/${token}`, cookie ? { headers: { cookie } } : undefined);
  return { status: res.status, html: res.body, text: visibleText(res.body) };
}

export async function auditActions(orgId: string, targetId?: string): Promise<{ action: string; actorLabel: string; targetLabel: string | null }[]> {
  return scoped({ orgId }, (tx) =>
    tx.auditEvent.findMany({
      where: { orgId, ...(targetId ? { targetId } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true, actorLabel: true, targetLabel: true },
    }),
  );
}

export async function expireInvitation(orgId: string, id: string) {
  await scoped({ orgId }, (tx) => tx.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 60_000) } }));
}

/** A real sign-in through next-auth's credentials callback; returns the session cookie. */
export async function signInWithPassword(email: string, password: string): Promise<string> {
  const baseUrl = inject("baseUrl");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" });
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    body: form,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}`);
  return session.split(";")[0] ?? "";
}
