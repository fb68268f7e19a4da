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
 * until the address is proved, that account is nobody's. The first sign-in through a channel
 * that proves it (a magic link opened from that inbox, or a linked OAuth identity) hands the
 * account to its owner: the address is marked verified, any password and two-factor secret set
 * before are removed, and every other session ends. Recorded in the security history.
 */
export async function claimUnverifiedAccount(proof: Proof, origin: Origin): Promise<void> {
  const userId = await findUserId(proof);
  if (!userId) return;
  await db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.user.updateMany({
      where: { id: userId, emailVerified: null },
      data: { emailVerified: now, twoFactorEnabledAt: null, sessionVersion: { increment: 1 } },
    });
    if (claimed.count === 0) return;
    const credentials = await tx.userCredential.updateMany({
      where: { userId, OR: [{ passwordHash: { not: null } }, { totpSecret: { not: null } }] },
      data: { passwordHash: null, totpSecret: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordSecurityEvent(tx, userId, "account_claimed", origin, { method: proof.provider, passwordRemoved: credentials.count > 0 });
  });
}
