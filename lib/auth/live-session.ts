import { AppError } from "@/lib/api/errors";
import { db, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tenant-transaction";
import type { Principal } from "./principal";

/** How long a sign-in or a password re-entry counts as proof for destructive actions. */
export const REAUTH_WINDOW_MS = 10 * 60 * 1000;

/** The session columns every request loads with its user (and membership) in one query. */
export type SessionColumns = {
  sessionVersion: number;
  sessionId: string | null;
  authenticatedAt: Date | null;
  twoFactorPending: boolean | null;
};

export type LiveSession = { id: string; authenticatedAt: Date; twoFactorPending: boolean };

export type SessionRequirements = {
  /** The two-factor sign-in step itself (and sign-out) run before the code is entered. */
  allowTwoFactorPending?: boolean;
  /** Destructive actions: a password or a fresh sign-in within REAUTH_WINDOW_MS. */
  recentAuth?: boolean;
};

/**
 * A data-modifying CTE that records activity at most once a minute. It rides on the query
 * that already loads the user, so keeping "last seen" costs no extra round trip.
 */
export function touchSession(principal: Principal): Prisma.Sql {
  return Prisma.sql`with touched as (
    update user_sessions set "lastSeenAt" = now()
    where id = ${principal.sessionId} and "userId" = ${principal.userId} and "revokedAt" is null
      and "lastSeenAt" < now() - interval '1 minute'
    returning id)`;
}

/** Joined onto `users u`: the caller's session row, only while it is live. */
export function sessionJoin(principal: Principal): Prisma.Sql {
  return Prisma.sql`left join user_sessions s on s.id = ${principal.sessionId} and s."userId" = u.id and s."revokedAt" is null`;
}

export const sessionColumns = Prisma.sql`u."sessionVersion", s.id as "sessionId", s."authenticatedAt", s."twoFactorPending"`;

/**
 * Decides what a loaded session allows. A token for a user who is gone, a bumped session
 * version (password change, claimed account) or an ended session row is signed out.
 */
export function assertLiveSession(row: SessionColumns | undefined, principal: Principal, needs: SessionRequirements = {}): LiveSession {
  if (!row || row.sessionVersion !== principal.sessionVersion || !row.sessionId || !row.authenticatedAt) {
    throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  }
  if (row.twoFactorPending && !needs.allowTwoFactorPending) {
    throw new AppError("two_factor_pending", "Finish signing in: enter the code from your authenticator app.");
  }
  const session = { id: row.sessionId, authenticatedAt: row.authenticatedAt, twoFactorPending: Boolean(row.twoFactorPending) };
  if (needs.recentAuth) assertRecentAuth(session);
  return session;
}

export function assertRecentAuth(session: LiveSession, now = Date.now()): void {
  if (now - session.authenticatedAt.getTime() > REAUTH_WINDOW_MS) {
    throw new AppError("reauthentication_required", "Confirm it is you: enter your password, or sign in again, to continue.");
  }
}

export type SessionUser = { id: string; name: string | null; email: string; image: string | null };

/** For callers outside an org: the user and their live session in one round trip. */
export async function loadLiveSession(
  principal: Principal,
  needs: SessionRequirements = {},
  client: Db | Tx = db,
): Promise<{ user: SessionUser; session: LiveSession }> {
  const rows = await client.$queryRaw<(SessionColumns & SessionUser)[]>`
    ${touchSession(principal)}
    select u.id, u.name, u.email, u.image, ${sessionColumns}
    from users u ${sessionJoin(principal)}
    where u.id = ${principal.userId}`;
  const row = rows[0];
  const session = assertLiveSession(row, principal, needs);
  return { user: { id: row!.id, name: row!.name, email: row!.email, image: row!.image }, session };
}
