import { z } from "zod";
import { MAX_PAGE_SIZE, pageQuerySchema } from "@/lib/db/keyset-page";
import { invitationTokenSchema } from "@/lib/invitations/token-schema";

/** The signed-in user's devices (GET /api/v1/me/sessions) and security history (…/security-events). */
export const sessionListQuerySchema = pageQuerySchema(MAX_PAGE_SIZE);
export const securityEventListQuerySchema = pageQuerySchema(50);

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("is not a valid email address").max(254));

export const passwordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(128, "must be at most 128 characters");

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  email: emailSchema,
  password: passwordSchema,
  /** From an invitation link: the account joins that org instead of getting a personal one. */
  inviteToken: invitationTokenSchema.optional(),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(128),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
