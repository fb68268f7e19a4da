import type { Role } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db/tenant-transaction";
import { recordAudit } from "@/lib/audit/record";
import { outranksOrEquals } from "@/lib/auth/permissions";
import { queueSeatSync } from "@/lib/billing/seat-sync";
import type { OrgContext } from "@/lib/orgs/context";

/**
 * An invitation carries its sender's authority: once they are demoted, the invitations they
 * sent for a role above their new one would still let someone in at that role, and once they
 * are removed, none of them speaks for the org. Revokes those, in the caller's transaction,
 * with one audit event each. `heldRole` is the sender's role now, null when they left.
 */
export async function revokeInvitationsSentBy(ctx: OrgContext, tx: Tx, sender: { userId: string; email: string }, heldRole: Role | null): Promise<void> {
  const open = await tx.invitation.findMany({
    where: { orgId: ctx.org.id, invitedById: sender.userId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true },
    orderBy: { id: "asc" },
  });
  const revoked = heldRole === null ? open : open.filter((i) => !outranksOrEquals(heldRole, i.role));
  if (revoked.length === 0) return;
  await tx.invitation.updateMany({ where: { id: { in: revoked.map((i) => i.id) }, orgId: ctx.org.id }, data: { revokedAt: new Date() } });
  const reason = heldRole === null ? `${sender.email} is no longer a member` : `${sender.email} is now ${heldRole === "admin" ? "an" : "a"} ${heldRole}`;
  for (const invitation of revoked) {
    await recordAudit(ctx, tx, {
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      changes: { before: { email: invitation.email, role: invitation.role }, after: { reason } },
    });
  }
  await queueSeatSync(tx, ctx.org.id);
}
