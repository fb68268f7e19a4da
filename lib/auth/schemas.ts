import { z } from "zod";
import { MAX_PAGE_SIZE, pageQuerySchema, pageSchema } from "@/lib/db/keyset-page";
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

const instant = z.iso.datetime();

export const signUpResultSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("verification_sent"), email: z.string() }),
  z.object({ status: z.literal("signed_up"), email: z.string(), org: z.object({ slug: z.string(), name: z.string() }) }),
]);

export const emailVerifiedSchema = z.object({ email: z.string() });

/** The same answer for every address: whether it has an account is not the API's to say. */
export const verificationResentSchema = z.object({ status: z.literal("sent") });

export const sessionSchema = z.object({
  id: z.string(),
  /** The session this request was made with. */
  current: z.boolean(),
  method: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** A readable summary of the user agent ("Firefox on macOS"). */
  device: z.string(),
  createdAt: instant,
  lastSeenAt: instant,
});

export const sessionListSchema = pageSchema(sessionSchema);

export const securityEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** Event-specific facts (a count, a method); null when there are none. */
  details: z.unknown(),
  createdAt: instant,
});

export const securityEventListSchema = pageSchema(securityEventSchema);

export type SignUpResult = z.infer<typeof signUpResultSchema>;
export type SessionView = z.infer<typeof sessionSchema>;
export type SecurityEventView = z.infer<typeof securityEventSchema>;
