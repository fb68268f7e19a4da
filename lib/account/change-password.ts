import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { assertCurrentPassword } from "./current-password";
import type { PasswordChangeInput } from "./schemas";

/**
 * Sets a new password (or a first one, for magic-link and OAuth accounts) and ends every
 * session issued before it, this browser's included: the client signs in again with it.
 */
export async function changePassword(userId: string, input: PasswordChangeInput): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw notFound("Account");
  await assertCurrentPassword(user.passwordHash, input.currentPassword, "currentPassword");

  const passwordHash = await hashPassword(input.newPassword);
  // Conditional on the hash we verified against: two changes racing must not both win.
  const { count } = await db.user.updateMany({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (count === 0) throw new AppError("conflict", "Your password was changed in the meantime. Reload the page and try again.");
}
