import type { Tx } from "@/lib/db/tenant-transaction";
import { AppError, notFound } from "@/lib/api/errors";
import { queueEmailChangeMails, queueTakenAddressMails } from "./email-change-mail";
import type { EmailChangeRequestInput, PendingEmailChange } from "./schemas";
import { newToken } from "@/lib/auth/hash-token";

const EMAIL_CHANGE_TTL_MS = 60 * 60 * 1000;

export type { PendingEmailChange } from "./schemas";

/**
 * Starts a change of address: nothing changes until the link mailed to the new address is
 * opened (confirmEmailChange), which proves the user reads it. Only the newest link works.
 * The route asks for a recent sign-in or password first (re-authentication).
 *
 * An address that already has an account gets the same answer and a pending change whose
 * link is never sent; its owner is told instead. So this cannot probe who has an account.
 * Runs in the route's user-scoped transaction.
 */
export async function requestEmailChange(tx: Tx, userId: string, input: EmailChangeRequestInput): Promise<PendingEmailChange> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound("Account");
  if (input.newEmail === user.email.toLowerCase()) {
    throw new AppError("invalid_input", "That is already your email address.", { errors: [{ path: "newEmail", message: "is already your email address" }] });
  }
  // Case-insensitive: OAuth providers may have stored an address with capitals.
  const taken = await tx.user.findFirst({ where: { email: { equals: input.newEmail, mode: "insensitive" } }, select: { id: true } });

  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + EMAIL_CHANGE_TTL_MS);
  await tx.emailChange.deleteMany({ where: { userId, usedAt: null } });
  await tx.emailChange.create({ data: { userId, newEmail: input.newEmail, tokenHash, expiresAt } });
  if (taken) await queueTakenAddressMails(tx, { oldEmail: user.email, newEmail: input.newEmail, expiresAt });
  else await queueEmailChangeMails(tx, { oldEmail: user.email, newEmail: input.newEmail, token, expiresAt });
  return { newEmail: input.newEmail, expiresAt: expiresAt.toISOString() };
}
