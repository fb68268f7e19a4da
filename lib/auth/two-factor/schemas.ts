import { z } from "zod";

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app");

export const enableTwoFactorSchema = z.object({ code: totpCodeSchema });

/** The sign-in step takes either a TOTP code or one recovery code. */
export const twoFactorChallengeSchema = z.union([
  z.object({ code: totpCodeSchema }).strict(),
  z.object({ recoveryCode: z.string().trim().regex(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/, "must look like XXXXX-XXXXX") }).strict(),
]);

export const reauthenticateSchema = z.object({ password: z.string().min(1, "is required").max(128) });

export type TwoFactorChallenge = z.infer<typeof twoFactorChallengeSchema>;

export const securityOverviewSchema = z.object({
  twoFactor: z.object({ enabled: z.boolean(), enabledAt: z.iso.datetime().nullable(), recoveryCodesLeft: z.number().int() }),
  hasPassword: z.boolean(),
  emailVerified: z.boolean(),
  /** Orgs the user belongs to that require two-factor sign-in. */
  requiredBy: z.array(z.object({ slug: z.string(), name: z.string() })),
});

/** The secret to scan, shown once; two-factor is on only after a code from it is confirmed. */
export const twoFactorSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });

/** Shown once: each code signs in once in place of an authenticator code. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export type SecurityOverview = z.infer<typeof securityOverviewSchema>;
