import { db } from "@/lib/db/client";
import { recordSecurityEvent, type Origin } from "./security-events";

type Proof = { email?: string | null; provider: string; providerAccountId?: string };

async function findUserId(proof: Proof): Promise<string | null> {
  if (proof.provider === "email") {
    if (!proof.email) return null;
    return (await db.user.findUnique({ where: { email: proof.email.toLowerCase() }, select: { id: true } }))?.id ?? null;
  }
  if (!proof.providerAccountId) return null;
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: proof.provider, providerAccountId: proof.providerAccountId } },
    select: { userId: true },
  });
  return account?.userId ?? null;
}

/**
 * Account pre-hijack defence. Anyone can sign up with someone else's address and a password;
 * until the address is proved, that password is nobody's. The first sign-in through a channel
 * that proves the address (a magic link opened from that inbox, or a linked OAuth identity)
 * hands the account to its owner: the address is marked verified, the password (and any 2FA
 * its holder set up) is removed, and every other session ends. Recorded in the security history.
 * An unverified account without a password (created through OAuth) is simply marked verified.
 */
export async function claimUnverifiedAccount(proof: Proof, origin: Origin): Promise<void> {
  const userId = await findUserId(proof);
  if (!userId) return;
  await db.$transaction(async (tx) => {
    const now = new Date();
    const user = await tx.user.findUnique({ where: { id: userId }, select: { emailVerified: true, credential: { select: { passwordHash: true } } } });
    if (!user || user.emailVerified) return;
    const claimed = await tx.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: now } });
    if (claimed.count === 0 || !user.credential?.passwordHash) return;
    await tx.user.update({ where: { id: userId }, data: { twoFactorEnabledAt: null, sessionVersion: { increment: 1 } }, select: { id: true } });
    await tx.userCredential.update({ where: { userId }, data: { passwordHash: null, totpSecret: null, totpLastStep: null }, select: { userId: true } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordSecurityEvent(tx, userId, "account_claimed", origin, { method: proof.provider, passwordRemoved: true });
  });
}

/**
 * An account created through OAuth: the provider vouched for the address it gave us (GitHub
 * and Google hand out verified addresses only), so it counts as verified from the start.
 */
export async function markOAuthEmailVerified(userId: string, profileEmail: string | null | undefined): Promise<void> {
  if (!profileEmail) return;
  await db.user.updateMany({ where: { id: userId, emailVerified: null, email: { equals: profileEmail, mode: "insensitive" } }, data: { emailVerified: new Date() } });
}
