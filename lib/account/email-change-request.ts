import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import { AppError, notFound } from "@/lib/api/errors";
import { assertCurrentPassword } from "./current-password";
import { queueEmailChangeMails } from "./email-change-mail";
import type { EmailChangeRequestInput } from "./schemas";
import { newToken } from "@/lib/auth/hash-token";

const EMAIL_CHANGE_TTL_MS = 60 * 60 * 1000;

export type PendingEmailChange = { newEmail: string; expiresAt: string };

/**
 * Starts a change of address: nothing changes until the link mailed to the new address is
 * opened (confirmEmailChange), which proves the user reads it. Only the newest link works.
 */
export async function requestEmailChange(userId: string, input: EmailChangeRequestInput): Promise<PendingEmailChange> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw notFound("Account");
  if (input.newEmail === user.email.toLowerCase()) {
    throw new AppError("invalid_input", "That is already your email address.", { errors: [{ path: "newEmail", message: "is already your email address" }] });
  }
  // Before the availability check, so a borrowed session cannot probe which addresses have accounts.
  await assertCurrentPassword(user.passwordHash, input.password, "password");
  // Case-insensitive: OAuth providers may have stored an address with capitals.
  const taken = await db.user.findFirst({ where: { email: { equals: input.newEmail, mode: "insensitive" } }, select: { id: true } });
  if (taken) {
    throw new AppError("conflict", "Another account already uses this email address.", { errors: [{ path: "newEmail", message: "is already used by another account" }] });
  }

  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + EMAIL_CHANGE_TTL_MS);
  await scoped({ userId }, async (tx) => {
    await tx.emailChange.deleteMany({ where: { userId, usedAt: null } });
    await tx.emailChange.create({ data: { userId, newEmail: input.newEmail, tokenHash, expiresAt } });
    await queueEmailChangeMails(tx, { oldEmail: user.email, newEmail: input.newEmail, token, expiresAt });
  });
  return { newEmail: input.newEmail, expiresAt: expiresAt.toISOString() };
}
