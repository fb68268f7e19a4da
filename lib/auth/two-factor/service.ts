import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { asAuthRole, asUser, type Tx } from "@/lib/db/tenant-transaction";
import { rateLimit } from "@/lib/rate-limit";
import { recordSecurityEvent, type Origin } from "@/lib/auth/security-events";
import type { LiveSession } from "@/lib/auth/live-session";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import type { SecurityOverview, TwoFactorChallenge } from "./schemas";
import { enrolment, matchTotp, newTotpSecret } from "./totp";

/*
 * Two-factor sign-in (TOTP). What reads a secret (a TOTP secret, a recovery code's hash) runs
 * on the auth code path (the base client, whose login holds tenantkit_auth): request
 * transactions cannot read them. Starting setup and replacing recovery codes only write
 * secrets, so they run in the route's user-scoped transaction and write as the auth role there
 * (asAuthRole), committing with the answer an Idempotency-Key stores.
 */

export type { SecurityOverview } from "./schemas";

export async function securityOverview(userId: string): Promise<SecurityOverview> {
  const [user, requiredBy] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        twoFactorEnabledAt: true,
        emailVerified: true,
        credential: { select: { passwordHash: true } },
        _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
      },
    }),
    asUser(userId, (tx) =>
      tx.membership.findMany({ where: { userId, org: { requireTwoFactor: true } }, select: { org: { select: { slug: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    ),
  ]);
  return {
    twoFactor: { enabled: user.twoFactorEnabledAt !== null, enabledAt: user.twoFactorEnabledAt?.toISOString() ?? null, recoveryCodesLeft: user._count.recoveryCodes },
    hasPassword: Boolean(user.credential?.passwordHash),
    emailVerified: user.emailVerified !== null,
    requiredBy: requiredBy.map((m) => m.org),
  };
}

/** Starts (or restarts) enrolment: a new secret, not in force until a code from it is confirmed. */
export async function startTwoFactorSetup(tx: Tx, userId: string): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, twoFactorEnabledAt: true } });
  if (user.twoFactorEnabledAt) throw new AppError("conflict", "Two-factor authentication is already on. Turn it off first to set up another app.");
  const secret = newTotpSecret();
  await asAuthRole(tx, () =>
    tx.userCredential.upsert({
      where: { userId },
      create: { userId, totpSecret: secret },
      update: { totpSecret: secret, totpLastStep: null },
      select: { userId: true },
    }),
  );
  return { secret, ...(await enrolment(secret, user.email)) };
}

/** Six digits are guessable without a limit; five tries per five minutes per user are not. */
async function limitAttempts(userId: string): Promise<void> {
  const result = await rateLimit("auth:two-factor", userId);
  if (!result.success) throw new AppError("rate_limited", "Too many codes tried. Wait a few minutes, then try again.");
}

/**
 * Records `step` as used, conditional on no later or equal step being recorded: of two
 * requests presenting the same code at the same moment, exactly one succeeds.
 */
async function claimStep(tx: Tx, userId: string, step: bigint): Promise<boolean> {
  const { count } = await tx.userCredential.updateMany({
    where: { userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

const wrongCode = (path: string, what: string) =>
  new AppError("invalid_input", `That ${what} is not right. Check it and try again.`, { errors: [{ path, message: "is not right" }] });

async function freshRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Confirms enrolment with a code from the app; returns the recovery codes, shown this once. */
export async function enableTwoFactor(userId: string, code: string, origin: Origin): Promise<{ recoveryCodes: string[] }> {
  await limitAttempts(userId);
  return db.$transaction(async (tx) => {
    const credential = await tx.userCredential.findUnique({ where: { userId }, select: { totpSecret: true, totpLastStep: true, user: { select: { twoFactorEnabledAt: true } } } });
    if (credential?.user.twoFactorEnabledAt) throw new AppError("conflict", "Two-factor authentication is already on.");
    if (!credential?.totpSecret) throw new AppError("conflict", "Start the setup first: scan the QR code, then enter the code your app shows.");
    const step = matchTotp(credential.totpSecret, code, credential.totpLastStep);
    if (step === null || !(await claimStep(tx, userId, step))) throw wrongCode("code", "code");
    await tx.user.update({ where: { id: userId }, data: { twoFactorEnabledAt: new Date() }, select: { id: true } });
    const recoveryCodes = await freshRecoveryCodes(tx, userId);
    await recordSecurityEvent(tx, userId, "two_factor_enabled", origin);
    return { recoveryCodes };
  });
}

export async function disableTwoFactor(userId: string, origin: Origin): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, twoFactorEnabledAt: { not: null } }, data: { twoFactorEnabledAt: null } });
    if (count === 0) throw new AppError("conflict", "Two-factor authentication is already off.");
    await tx.userCredential.updateMany({ where: { userId }, data: { totpSecret: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordSecurityEvent(tx, userId, "two_factor_disabled", origin);
  });
}

export async function regenerateRecoveryCodes(tx: Tx, userId: string, origin: Origin): Promise<{ recoveryCodes: string[] }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { twoFactorEnabledAt: true } });
  if (!user.twoFactorEnabledAt) throw new AppError("conflict", "Turn on two-factor authentication first.");
  const recoveryCodes = await asAuthRole(tx, () => freshRecoveryCodes(tx, userId));
  await recordSecurityEvent(tx, userId, "recovery_codes_regenerated", origin);
  return { recoveryCodes };
}

/**
 * The second step of signing in: a TOTP code (each accepted once) or a recovery code (each
 * used once). Success lifts the session's pending state and counts as a fresh sign-in.
 */
export async function completeTwoFactorSignIn(userId: string, session: LiveSession, input: TwoFactorChallenge, origin: Origin): Promise<void> {
  // Only a sign-in that owes its code may pay it: otherwise a code from a secret that is
  // merely being set up would pass for a fresh sign-in (and for re-authentication).
  if (!session.twoFactorPending) throw new AppError("conflict", "This session has no two-factor step to finish.");
  await limitAttempts(userId);
  await db.$transaction(async (tx) => {
    const credential = await tx.userCredential.findUnique({ where: { userId }, select: { totpSecret: true, totpLastStep: true, user: { select: { twoFactorEnabledAt: true } } } });
    if (!credential?.totpSecret || !credential.user.twoFactorEnabledAt) {
      throw new AppError("conflict", "Two-factor authentication is not on for this account. Sign in again.");
    }
    if ("code" in input) {
      const step = matchTotp(credential.totpSecret, input.code, credential.totpLastStep);
      if (step === null || !(await claimStep(tx, userId, step))) throw wrongCode("code", "code");
    } else {
      const { count } = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(input.recoveryCode), usedAt: null }, data: { usedAt: new Date() } });
      if (count === 0) throw wrongCode("recoveryCode", "recovery code");
      await recordSecurityEvent(tx, userId, "recovery_code_used", origin);
    }
    await tx.userSession.updateMany({ where: { id: session.id, userId, revokedAt: null }, data: { twoFactorPending: false, authenticatedAt: new Date() } });
  });
}
