import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { scoped, type Tx } from "@/lib/db/tenant-transaction";
import { hashToken } from "@/lib/auth/hash-token";
import { invitationTokenSchema } from "./token-schema";

const select = {
  id: true,
  orgId: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  org: { select: { id: true, slug: true, name: true, personal: true } },
  invitedBy: { select: { name: true, email: true } },
} satisfies Prisma.InvitationSelect;

export type TokenInvitation = Prisma.InvitationGetPayload<{ select: typeof select }>;

export type InvitationState = "pending" | "expired" | "revoked" | "accepted";

export function invitationState(invitation: Pick<TokenInvitation, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

/**
 * The invitation a token opens, read before its holder belongs to the org: RLS lets a
 * transaction see the one row whose hash it presents in `app.invitation_token_hash`.
 * A malformed token is not looked up at all.
 */
export async function findInvitationByToken(tx: Tx, token: string): Promise<TokenInvitation | null> {
  if (!invitationTokenSchema.safeParse(token).success) return null;
  const tokenHash = hashToken(token);
  await tx.$executeRaw`select set_config('app.invitation_token_hash', ${tokenHash}, true)`;
  return tx.invitation.findUnique({ where: { tokenHash }, select });
}

/** What the invite and sign-up pages show about an invitation, whatever its state. */
export type InvitationView = {
  email: string;
  role: Role;
  expiresAt: Date;
  org: { slug: string; name: string };
  invitedBy: { name: string | null; email: string } | null;
};

export type InvitationLookup = { state: "invalid" } | { state: InvitationState; invitation: InvitationView };

export async function lookupInvitation(token: string): Promise<InvitationLookup> {
  const found = await scoped({}, (tx) => findInvitationByToken(tx, token));
  if (!found) return { state: "invalid" };
  const { email, role, expiresAt, org, invitedBy } = found;
  return { state: invitationState(found), invitation: { email, role, expiresAt, org: { slug: org.slug, name: org.name }, invitedBy } };
}
