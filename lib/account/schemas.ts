import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/auth/schemas";

const displayNameSchema = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** Optional in the schema because OAuth and magic-link users have no password; the service decides. */
const currentPasswordSchema = z.string().max(128, "must be at most 128 characters").optional();

export const profileUpdateSchema = z.object({ name: displayNameSchema });

/** Re-authentication is the route's (`recentAuth`), not a field here. */
export const emailChangeRequestSchema = z.object({ newEmail: emailSchema });

export const passwordChangeSchema = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: passwordSchema,
});

export const accountDeleteSchema = z.object({
  confirmEmail: emailSchema,
});

/** 32 random bytes, base64url: exactly 43 characters. Anything else is not one of our links. */
export const emailChangeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export type ProfileUpdateInput = z.infer<typeof profileUpdateSchema>;
export type EmailChangeRequestInput = z.infer<typeof emailChangeRequestSchema>;
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;
export type AccountDeleteInput = z.infer<typeof accountDeleteSchema>;
