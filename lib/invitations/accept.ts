import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { queueSeatSync } from "@/lib/billing/seat-sync";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { Principal } from "@/lib/auth/principal";
import { setOrgScope, type Tx } from "@/lib/db/tenant-transaction";
import type { OrgContext, RequestMeta } from "@/lib/orgs/context";
import { findInvitationByToken, invitationState, type TokenInvitation } from "./lookup";
import type { AcceptedInvitation } from "./schemas";

/**
 * Refuses a token that cannot be used, with an error a person can act on. `field` names
 * the input that carried the token (`token` for the accept API, `inviteToken` for sign-up).
 */
function assertPending(invitation: TokenInvitation | null, field: string): asserts invitation is TokenInvitation {
  const state = invitation ? invitationState(invitation) : "invalid";
  const org = invitation?.org.name ?? "";
  switch (state) {
    case "pending":
      return;
    case "invalid":
      throw new AppError("not_found", "This invitation link is not valid. Check that you opened the whole link from the email.", {
        errors: [{ path: field, message: "is not valid" }],
      });
    case "expired":
      throw new AppError("conflict", `This invitation to ${org} has expired. Ask the person who invited you to send a new one.`, {
        errors: [{ path: field, message: "has expired" }],
      });
    case "revoked":
      throw new AppError("conflict", `This invitation to ${org} was withdrawn. Ask an admin of ${org} for a new one.`, {
        errors: [{ path: field, message: "was revoked" }],
      });
    case "accepted":
      throw new AppError("conflict", `This invitation to ${org} has already been used. Ask an admin of ${org} for a new one if you still need access.`, {
        errors: [{ path: field, message: "was already used" }],
      });
  }
}

/** The pending invitation `token` opens, or the reason it cannot be used. */
export async function pendingInvitation(tx: Tx, token: string, field: string): Promise<TokenInvitation> {
  const invitation = await findInvitationByToken(tx, token);
  assertPending(invitation, field);
  return invitation;
}

export const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

type Joiner = { id: string; email: string; emailVerified: Date | null };

/**
 * Makes `user` a member with the invited role and uses up the invitation, in the
 * caller's transaction, with both audit events. The claim is one conditional update, so
 * two requests racing with the same token cannot both succeed.
 */
export async function joinThroughInvitation(tx: Tx, invitation: TokenInvitation, user: Joiner, request: RequestMeta): Promise<AcceptedInvitation> {
  await setOrgScope(tx, invitation.orgId);
  const now = new Date();
  const claimed = await tx.invitation.updateMany({
    where: { id: invitation.id, orgId: invitation.orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: user.id },
  });
  if (claimed.count !== 1) {
    throw new AppError("conflict", `This invitation to ${invitation.org.name} was used or withdrawn a moment ago. Ask an admin of ${invitation.org.name} for a new one.`);
  }

  // Someone who became a member another way since the invite keeps the role they have.
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } }, select: { role: true } });
  if (!existing) await tx.membership.create({ data: { orgId: invitation.orgId, userId: user.id, role: invitation.role } });
  // Opening the emailed link proves they read that address.
  if (!user.emailVerified) await tx.user.update({ where: { id: user.id }, data: { emailVerified: now } });

  const role = existing?.role ?? invitation.role;
  const ctx: OrgContext = { org: invitation.org, role, actor: { type: "user", userId: user.id, label: user.email }, request };
  await recordAudit(ctx, tx, {
    action: "invitation.accepted",
    target: { type: "invitation", id: invitation.id, label: invitation.email },
    changes: { after: { role: invitation.role } },
  });
  if (!existing) {
    await recordAudit(ctx, tx, { action: "member.joined", target: { type: "member", id: user.id, label: user.email }, changes: { after: { role, via: "invitation" } } });
    await emitWebhookEvent(tx, invitation.org, "member.joined", { userId: user.id, email: user.email, role });
  }
  // The invitation's seat becomes a member's, or frees up when they were a member already.
  await queueSeatSync(tx, invitation.orgId);
  return { org: { slug: invitation.org.slug, name: invitation.org.name }, role };
}

/** A signed-in user accepts an invitation sent to their own address, in their user-scoped transaction. */
export async function acceptInvitation(tx: Tx, principal: Principal, token: string, request: RequestMeta): Promise<AcceptedInvitation> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: principal.userId }, select: { id: true, email: true, emailVerified: true } });
  const invitation = await pendingInvitation(tx, token, "token");
  if (!sameEmail(invitation.email, user.email)) {
    throw new AppError(
      "forbidden",
      `This invitation was sent to ${invitation.email}, but you are signed in as ${user.email}. Sign in as ${invitation.email} to accept it.`,
      { errors: [{ path: "token", message: "was sent to another email address" }] },
    );
  }
  return joinThroughInvitation(tx, invitation, user, request);
}
