import type { Role } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db/tenant-transaction";
import { queueMail } from "@/lib/mail/queue";
import { personActing, type OrgContext } from "@/lib/orgs/context";
import { invitationUrl } from "./link";

/** How the email names the admin who sent it: the name they go by, else their email. */
export async function inviterName(ctx: OrgContext, tx: Tx): Promise<string> {
  const user = await tx.user.findUnique({ where: { id: personActing(ctx).userId }, select: { name: true } });
  return user?.name ?? ctx.actor.label;
}

type Sent = { email: string; role: Role; expiresAt: Date };

/**
 * Queues the invitation email in the caller's transaction: it goes out once the invitation
 * is committed, never for one that rolled back. The plain token exists only in this email.
 */
export async function queueInvitationEmail(ctx: OrgContext, tx: Tx, inviter: string, invitation: Sent, token: string): Promise<void> {
  await queueMail(tx, {
    to: invitation.email,
    template: "invitation",
    props: { orgName: ctx.org.name, inviterName: inviter, role: invitation.role, url: invitationUrl(token), expiresAt: invitation.expiresAt.toISOString() },
  });
}
