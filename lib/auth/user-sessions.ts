import type { SessionView } from "@/lib/auth/schemas";
import { randomUUID } from "node:crypto";
import { describeUserAgent } from "@/components/audit/user-agent";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { afterCursor, keysetOrder, toPage, type Page, type PageQuery } from "@/lib/db/keyset-page";
import { recordSecurityEvent, type Origin } from "./security-events";

/** The JWT's lifetime (lib/auth/options.ts): a session idle for longer cannot be in use. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/**
 * Records a sign-in as a session row (the JWT carries its id) and returns what the token
 * needs. A user with two-factor sign-in on starts with the TOTP step still owed, whichever
 * first factor they used: password, magic link or OAuth.
 */
export async function startSession(userId: string, method: string, origin: Origin): Promise<{ id: string; sessionVersion: number; twoFactorPending: boolean }> {
  const id = randomUUID();
  const rows = await db.$queryRaw<{ id: string; sessionVersion: number; twoFactorPending: boolean }[]>`
    with created as (
      insert into user_sessions (id, "userId", method, ip, "userAgent", "twoFactorPending")
      select ${id}, u.id, ${method}, ${origin.ip ?? null}, ${origin.userAgent ?? null}, u."twoFactorEnabledAt" is not null
      from users u where u.id = ${userId}
      returning id, "userId", "twoFactorPending")
    select created.id, created."twoFactorPending", u."sessionVersion"
    from created join users u on u.id = created."userId"`;
  const row = rows[0];
  if (!row) throw new Error(`cannot start a session for unknown user ${userId}`);
  await recordSecurityEvent(db, userId, "signed_in", origin, { method, twoFactorPending: row.twoFactorPending });
  return row;
}

/** Ends one session of the user (another device, or this one when signing out). */
export async function endSession(userId: string, sessionId: string, origin: Origin, type: "signed_out" | "session_revoked"): Promise<void> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) {
    if (type === "signed_out") return;
    throw new AppError("not_found", "That session was not found or has already ended.");
  }
  await recordSecurityEvent(db, userId, type, origin, { sessionId });
}

/** "Sign out everywhere else": every session of the user but `keepId`. */
export async function endOtherSessions(userId: string, keepId: string, origin: Origin): Promise<number> {
  const { count } = await db.userSession.updateMany({ where: { userId, revokedAt: null, id: { not: keepId } }, data: { revokedAt: new Date() } });
  if (count > 0) await recordSecurityEvent(db, userId, "sessions_revoked", origin, { count });
  return count;
}

export type { SessionView } from "@/lib/auth/schemas";

/** Live sessions, newest sign-in first: `lastSeenAt` changes under a reader, so pages follow `createdAt`. */
export async function listSessions(userId: string, currentId: string, page: PageQuery): Promise<Page<SessionView>> {
  const rows = await db.userSession.findMany({
    where: { userId, revokedAt: null, lastSeenAt: { gt: new Date(Date.now() - SESSION_MAX_AGE_S * 1000) }, ...afterCursor(page.cursor, "desc") },
    orderBy: keysetOrder("desc"),
    select: { id: true, method: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    take: page.limit + 1,
  });
  return toPage(rows, page.limit, (r) => ({
    ...r,
    current: r.id === currentId,
    device: r.userAgent ? describeUserAgent(r.userAgent) : "Unknown device",
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
  }));
}
