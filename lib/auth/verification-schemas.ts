import { z } from "zod";
import { emailSchema } from "./schemas";

/** A token from an emailed link: base64url, as `newToken` makes them. */
export const emailedTokenSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{20,128}$/, "is not a valid link token");

export const verifyEmailSchema = z.object({ token: emailedTokenSchema });
export const resendVerificationSchema = z.object({ email: emailSchema });
