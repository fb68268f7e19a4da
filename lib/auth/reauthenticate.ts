import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { checkPassword } from "./authorize-password";
import type { LiveSession } from "./live-session";
import { recordSecurityEvent, type Origin } from "./security-events";
import { RATE_LIMITED } from "./sign-in-codes";

/**
 * "Sudo mode": the password entered again renews the session's proof of identity for the
 * next few minutes (REAUTH_WINDOW_MS). Wrong passwords count against the same buckets as
 * sign-in. Accounts without a password renew it by signing in again (magic link or OAuth).
 */
export async function reauthenticate(userId: string, session: LiveSession, password: string, origin: Origin): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, credential: { select: { passwordHash: true } } } });
  if (!user.credential?.passwordHash) {
    throw new AppError("conflict", "Your account has no password. Confirm it is you by signing in again with an email link.");
  }
  let match;
  try {
    match = await checkPassword(user.email, password, origin);
  } catch (error) {
    if (error instanceof Error && error.message === RATE_LIMITED) throw new AppError("rate_limited", "Too many wrong passwords. Wait a few minutes, then try again.");
    throw error;
  }
  if (!match) throw new AppError("forbidden", "That password is not right.", { errors: [{ path: "password", message: "is not right" }] });
  await db.userSession.updateMany({ where: { id: session.id, userId, revokedAt: null }, data: { authenticatedAt: new Date() } });
  await recordSecurityEvent(db, userId, "reauthenticated", origin);
}
