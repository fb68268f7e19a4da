import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { Role } from "@/lib/db/generated/enums";
import { MAX_PAGE_SIZE, pageQuerySchema, type Page } from "@/lib/db/keyset-page";
import type { SeatUsage } from "@/lib/members/seats";
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
export type InvitationDto = {
  id: string;
  email: string;
  role: Role;
  /** `expired`: never accepted and past `expiresAt`; resending gives it a fresh link. */
  status: "pending" | "expired";
  invitedBy: { name: string | null; email: string } | null;
  expiresAt: string;
  lastSentAt: string;
  sendCount: number;
  createdAt: string;
};

/** The dashboard shows every pending invitation: a page as large as allowed by default. */
export const invitationListQuerySchema = pageQuerySchema(MAX_PAGE_SIZE);

export type InvitationList = Page<InvitationDto> & { seats: SeatUsage };

export type AcceptedInvitation = { org: { slug: string; name: string }; role: Role };
