import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { scoped, setOrgScope, type Tx } from "@/lib/db/tenant-transaction";
import { AppError, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { queueSeatSync } from "@/lib/billing/seat-sync";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { revokeInvitationsSentBy } from "@/lib/invitations/revoke-sent-by";
import type { OrgContext, RequestMeta } from "@/lib/orgs/context";
import type { AccountDeleteInput, AccountDeletion } from "./schemas";

type OrgRef = { id: string; slug: string; name: string; personal: boolean };
type Plan = { remove: OrgRef[]; leave: { org: OrgRef; role: Role }[]; blocking: OrgRef[] };

export type { AccountDeletion } from "./schemas";

/**
 * Sorts the user's orgs into: theirs alone (deleted with the account), others they simply
 * leave, and those that would be left without an owner while people still work in them.
 * Each org's membership rows are locked, so an owner leaving at the same moment cannot
 * make both of them think the other one stays.
 */
async function planDeletion(tx: Tx, userId: string): Promise<Plan> {
  const mine = await tx.membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { id: true, slug: true, name: true, personal: true } } },
    // A fixed lock order, so two deletions sharing orgs cannot deadlock.
    orderBy: { orgId: "asc" },
  });
  const plan: Plan = { remove: [], leave: [], blocking: [] };
  for (const { org, role } of mine) {
    await setOrgScope(tx, org.id);
    // The org row first, as every membership change does (lib/members/service.ts), so this
    // cannot deadlock with a role change waiting on the same org.
    await tx.$queryRaw`select 1 from organizations where id = ${org.id} for no key update`;
    const members = await tx.$queryRaw<{ userId: string; role: Role }[]>`
      select "userId", role from memberships where "orgId" = ${org.id} for update`;
    const others = members.filter((m) => m.userId !== userId);
    if (others.length === 0) plan.remove.push(org);
    else if (role === "owner" && !others.some((m) => m.role === "owner")) plan.blocking.push(org);
    else plan.leave.push({ org, role });
  }
  return plan;
}

const listFormat = new Intl.ListFormat("en", { type: "conjunction" });

function soleOwnerError(orgs: OrgRef[]): AppError {
  const names = listFormat.format(orgs.map((o) => `“${o.name}”`));
  const which = orgs.length === 1 ? "that organization" : "each of them";
  return new AppError(
    "conflict",
    `You are the only owner of ${names}, which ${orgs.length === 1 ? "has" : "have"} other members. Make someone else an owner of ${which}, or delete ${orgs.length === 1 ? "it" : "them"}, before deleting your account.`,
  );
}

/**
 * Deletes the account in one transaction: orgs where the user is the only member go with it,
 * every other membership ends with a `member.left` event in that org's audit log, then the
 * user row (linked OAuth accounts and pending email changes cascade). Projects they created
 * in orgs that stay belong to those orgs and remain, without a creator.
 */
export async function deleteAccount(userId: string, input: AccountDeleteInput, request: RequestMeta = {}): Promise<AccountDeletion> {
  const deletion = await scoped({ userId }, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw notFound("Account");
    if (input.confirmEmail !== user.email.toLowerCase()) {
      throw new AppError("invalid_input", "Type your account's email address to confirm.", {
        errors: [{ path: "confirmEmail", message: "does not match your email address" }],
      });
    }

    const plan = await planDeletion(tx, userId);
    if (plan.blocking.length > 0) throw soleOwnerError(plan.blocking);

    for (const org of plan.remove) {
      await tx.organization.delete({ where: { id: org.id } });
    }
    for (const { org, role } of plan.leave) {
      await setOrgScope(tx, org.id);
      await tx.membership.delete({ where: { orgId_userId: { orgId: org.id, userId } } });
      const ctx: OrgContext = { org, role, actor: { type: "user", userId, label: user.email }, request };
      await recordAudit(ctx, tx, { action: "member.left", target: { type: "member", id: userId, label: user.email }, changes: { before: { role } } });
      await revokeInvitationsSentBy(ctx, tx, { userId, email: user.email }, null);
      await queueSeatSync(tx, org.id);
      await emitWebhookEvent(tx, org, "member.left", { userId, email: user.email, role, reason: "left" });
    }
    await tx.user.delete({ where: { id: userId } });

    const summary = (o: OrgRef) => ({ slug: o.slug, name: o.name });
    return { email: user.email, deletedOrganizations: plan.remove.map(summary), leftOrganizations: plan.leave.map(({ org }) => summary(org)) };
  });
  // Outstanding magic links for this address would otherwise sign up a new account. The
  // tokens are the auth role's to touch; a failure here leaves only links that expire soon.
  await db.verificationToken.deleteMany({ where: { identifier: deletion.email } });
  const { email: _email, ...result } = deletion;
  return result;
}
