import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { asAuthRole, scoped, type Tx } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import { queueMail } from "@/lib/mail/queue";
import { hashToken, newToken } from "./hash-token";
import { recordSecurityEvent, type Origin } from "./security-events";

const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a verification link for `userId` and queues the email, in the caller's request
 * transaction: the token row is written as the auth role, the email as a job after commit.
 */
export async function queueEmailVerification(tx: Tx, user: { id: string; email: string }): Promise<void> {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + VERIFICATION_TTL_MS);
  await asAuthRole(tx, () => tx.emailVerification.createMany({ data: [{ userId: user.id, tokenHash, expiresAt }] }));
  const url = new URL("/verify-email", env.APP_URL);
  url.searchParams.set("token", token);
  await queueMail(tx, { to: user.email, template: "verify-email", props: { url: url.toString(), expiresAt: expiresAt.toISOString() } });
}

/** Opens a verification link: marks the address verified. Each link works once. */
export async function verifyEmail(token: string, origin: Origin): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.emailVerification.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true, emailVerified: true } } },
    });
    if (!row) throw new AppError("not_found", "This verification link is not valid. Open the whole link from the email, or ask for a new one.", { errors: [{ path: "token", message: "is not valid" }] });
    if (row.usedAt || row.user.emailVerified) return { email: row.user.email };
    if (row.expiresAt <= new Date()) {
      throw new AppError("conflict", "This verification link has expired. Sign in to ask for a new one.", { errors: [{ path: "token", message: "has expired" }] });
    }
    const now = new Date();
    // Conditional on the row still being unused: two clicks racing verify once.
    const { count } = await tx.emailVerification.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) return { email: row.user.email };
    await tx.user.updateMany({ where: { id: row.userId, emailVerified: null }, data: { emailVerified: now } });
    await recordSecurityEvent(tx, row.userId, "email_verified", origin, { method: "link" });
    return { email: row.user.email };
  });
}

/**
 * Sends a fresh link to an unverified password account. Answers the same whether or not the
 * address has an account, is verified already, or has no password, so nobody learns which it is.
 */
export async function resendEmailVerification(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, emailVerified: true, credential: { select: { passwordHash: true } } } });
  if (!user || user.emailVerified || !user.credential?.passwordHash) return;
  await scoped({ userId: user.id }, (tx) => queueEmailVerification(tx, user));
}
