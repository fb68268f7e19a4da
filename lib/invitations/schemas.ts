import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { Role } from "@/lib/db/generated/enums";
import { MAX_PAGE_SIZE, pageQuerySchema, pageSchema } from "@/lib/db/keyset-page";
import { invitationTokenSchema } from "./token-schema";

export const MAX_INVITES_PER_REQUEST = 20;

export const invitationRoleSchema = z.enum(Role);

/**
 * Each address is trimmed, lowercased and validated here. Repeats are dropped by the
 * service rather than by a transform, so an error's `emails.<i>` still points at the
 * position the caller sent.
 */
export const invitationCreateSchema = z.object({
  emails: z
    .array(emailSchema)
    .min(1, "needs at least one email address")
    .max(MAX_INVITES_PER_REQUEST, `may list at most ${MAX_INVITES_PER_REQUEST} addresses at once`),
  role: invitationRoleSchema,
});

export const invitationParamsSchema = z.object({ id: z.string().regex(/^[a-z0-9]{20,40}$/, "is not a valid invitation id") });

export const invitationAcceptSchema = z.object({ token: invitationTokenSchema });

export type InvitationCreateInput = z.infer<typeof invitationCreateSchema>;

/** What the API returns and the members page renders; dates are ISO strings. */
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: invitationRoleSchema,
  /** `expired`: never accepted and past `expiresAt`; resending gives it a fresh link. */
  status: z.enum(["pending", "expired"]),
  invitedBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
  expiresAt: z.iso.datetime(),
  lastSentAt: z.iso.datetime(),
  sendCount: z.number().int(),
  createdAt: z.iso.datetime(),
});

/** The dashboard shows every pending invitation: a page as large as allowed by default. */
export const invitationListQuerySchema = pageQuerySchema(MAX_PAGE_SIZE);

/** Seats in use (members + pending invitations) against the plan's cap; a null limit is unlimited. */
const seatUsageSchema = z.object({ used: z.number().int(), limit: z.number().int().nullable() });

export const invitationListSchema = pageSchema(invitationSchema).extend({ seats: seatUsageSchema });

export const createdInvitationsSchema = z.object({ data: z.array(invitationSchema) });

export const acceptedInvitationSchema = z.object({ org: z.object({ slug: z.string(), name: z.string() }), role: invitationRoleSchema });

export type InvitationDto = z.infer<typeof invitationSchema>;
export type InvitationList = z.infer<typeof invitationListSchema>;
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>;
