import { db } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { assertRecentAuth, type LiveSession } from "@/lib/auth/live-session";
import { recordSecurityEvent, type Origin } from "@/lib/auth/security-events";
import { assertCurrentPassword } from "./current-password";
import type { PasswordChangeInput } from "./schemas";

/**
 * Sets a new password (or a first one, for magic-link and OAuth accounts) and ends every
 * session issued before it, this browser's included: the client signs in again with it.
 * A first password is asked of nobody, so it needs a recent sign-in instead: a stolen
 * session must not be able to add a password that outlives its revocation.
 */
export async function changePassword(userId: string, session: LiveSession, input: PasswordChangeInput, origin: Origin = {}): Promise<void> {
  const credential = await db.userCredential.findUnique({ where: { userId }, select: { passwordHash: true } });
  const current = credential?.passwordHash ?? null;
  if (!current) assertRecentAuth(session);
  await assertCurrentPassword(current, input.currentPassword, "currentPassword");

  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    if (current) {
      // Conditional on the hash we verified against: two changes racing must not both win.
      const { count } = await tx.userCredential.updateMany({ where: { userId, passwordHash: current }, data: { passwordHash } });
      if (count === 0) throw new AppError("conflict", "Your password was changed in the meantime. Reload the page and try again.");
    } else {
      await tx.userCredential.upsert({ where: { userId }, create: { userId, passwordHash }, update: { passwordHash }, select: { userId: true } });
    }
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
    // The version bump already signs every device out; ending the rows keeps the device list true.
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordSecurityEvent(tx, userId, "password_changed", origin);
  });
}
