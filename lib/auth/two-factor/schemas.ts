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
