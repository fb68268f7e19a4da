import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db/tenant-transaction";
import { AppError, notFound } from "@/lib/api/errors";
import { assertMay, personActing, type OrgContext } from "@/lib/orgs/context";
import { recordAudit } from "@/lib/audit/record";
import { afterCursor, keysetOrder, toPage, type Page, type PageQuery } from "@/lib/db/keyset-page";
import { queueSeatSync } from "@/lib/billing/seat-sync";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { revokeInvitationsSentBy } from "@/lib/invitations/revoke-sent-by";
import { canManageMember, canTransferOwnership, grantableRoles } from "./rules";
import type { MemberDto } from "./schemas";

export type { MemberDto } from "./schemas";

const select = {
  id: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true, image: true } },
} satisfies Prisma.MembershipSelect;

type Row = Prisma.MembershipGetPayload<{ select: typeof select }>;

const toDto = (r: Row): MemberDto => ({
  userId: r.user.id,
  name: r.user.name,
  email: r.user.email,
  image: r.user.image,
  role: r.role,
  joinedAt: r.createdAt.toISOString(),
});

export async function listMembers(ctx: OrgContext, tx: Tx): Promise<MemberDto[]> {
  // RLS confines memberships to the org (and the caller's own rows, which are in it).
  const rows = await tx.membership.findMany({ where: { orgId: ctx.org.id }, select, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toDto);
}

/** One page of the roster, in the order people joined. */
export async function pageMembers(ctx: OrgContext, tx: Tx, page: PageQuery): Promise<Page<MemberDto>> {
  const rows = await tx.membership.findMany({
    where: { orgId: ctx.org.id, ...afterCursor(page.cursor, "asc") },
    select,
    orderBy: keysetOrder("asc"),
    take: page.limit + 1,
  });
  return toPage(rows, page.limit, toDto);
}

async function findMember(ctx: OrgContext, tx: Tx, userId: string): Promise<Row> {
  const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId: ctx.org.id, userId } }, select });
  if (!member) throw notFound("Member");
  return member;
}

/**
 * Queues this change behind every other role change, removal and transfer in the org, then
 * locks the target's membership and returns it with the actor's role as they are now (ctx.role
 * was read before the wait, and a concurrent change may have lowered it).
 *
 * The org row lock is the one the owner guard trigger takes at commit (migration
 * 20261130020000_owner_guard), so all of them take their locks in the same order and cannot
 * deadlock; what each one checks is what the previous one committed.
 */
async function lockForChange(ctx: OrgContext, tx: Tx, userId: string): Promise<{ actorRole: Role; member: Row }> {
  await tx.$queryRaw`select 1 from organizations where id = ${ctx.org.id} for no key update`;
  const rows = await tx.$queryRaw<{ userId: string; role: Role }[]>`
    select "userId", role from memberships
    where "orgId" = ${ctx.org.id} and "userId" in (${ctx.actor.userId}, ${userId})
    order by id for update`;
  const actor = rows.find((r) => r.userId === ctx.actor.userId);
  if (!actor) throw new AppError("not_found", "Organization not found.");
  if (!rows.some((r) => r.userId === userId)) throw notFound("Member");
  return { actorRole: actor.role, member: await findMember(ctx, tx, userId) };
}

/** The service checks; the owner guard trigger is what holds even for a change that skips them. */
async function assertAnotherOwner(tx: Tx, ctx: OrgContext, leavingUserId: string, message: string) {
  const others = await tx.membership.count({ where: { orgId: ctx.org.id, role: "owner", userId: { not: leavingUserId } } });
  if (others === 0) throw new AppError("conflict", message);
}

/** An actor changes the role of someone at or below their own rank, to a role at or below it. */
export async function changeRole(ctx: OrgContext, tx: Tx, userId: string, role: Role): Promise<MemberDto> {
  const { actorRole, member } = await lockForChange(ctx, tx, userId);
  if (!canManageMember(actorRole, member.role) || !grantableRoles(actorRole).includes(role)) {
    throw new AppError("forbidden", "You cannot change the role of someone who outranks you, or grant a role above your own.");
  }
  if (member.role === role) return toDto(member);
  if (member.role === "owner") {
    await assertAnotherOwner(tx, ctx, userId, "An organization needs at least one owner. Make someone else an owner first.");
  }
  const updated = await tx.membership.update({ where: { id: member.id }, data: { role }, select });
  await recordAudit(ctx, tx, {
    action: "member.role_changed",
    target: { type: "member", id: userId, label: member.user.email },
    changes: { before: { role: member.role }, after: { role } },
  });
  await revokeInvitationsSentBy(ctx, tx, { userId, email: member.user.email }, role);
  return toDto(updated);
}

/**
 * Removes a member, or the caller themself when `userId` is theirs (leaving). Access ends
 * with the membership row: every request re-reads it, so the next one is refused.
 */
export async function removeMember(ctx: OrgContext, tx: Tx, userId: string): Promise<void> {
  const self = userId === ctx.actor.userId;
  if (!self) assertMay(ctx, "members:manage", "Your role does not allow removing members.");
  const { actorRole, member } = await lockForChange(ctx, tx, userId);
  if (!self && !canManageMember(actorRole, member.role)) throw new AppError("forbidden", "You cannot remove someone who outranks you.");
  if (member.role === "owner") {
    await assertAnotherOwner(tx, ctx, userId, self ? "You are the last owner. Make someone else an owner, or delete the organization." : "An organization needs at least one owner.");
  }
  await tx.membership.delete({ where: { id: member.id } });
  await recordAudit(ctx, tx, {
    action: self ? "member.left" : "member.removed",
    target: { type: "member", id: userId, label: member.user.email },
    changes: { before: { role: member.role } },
  });
  await revokeInvitationsSentBy(ctx, tx, { userId, email: member.user.email }, null);
  await queueSeatSync(tx, ctx.org.id);
  await emitWebhookEvent(tx, ctx.org, "member.left", { userId, email: member.user.email, role: member.role, reason: self ? "left" : "removed" });
}

/**
 * Hands the org to another member: they become an owner and the caller an admin. Both rows
 * are locked behind any concurrent change (see lockForChange), so the caller is checked as the
 * owner they are now, not as they were when the request began.
 */
export async function transferOwnership(ctx: OrgContext, tx: Tx, userId: string): Promise<MemberDto[]> {
  const { actorRole, member: target } = await lockForChange(ctx, tx, userId);
  if (!canTransferOwnership(actorRole)) throw new AppError("forbidden", "Only an owner can transfer ownership.");
  if (userId === ctx.actor.userId) {
    throw new AppError("invalid_input", "You already own this organization. Choose another member.", {
      errors: [{ path: "userId", message: "is you; choose another member" }],
    });
  }
  await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
  await tx.membership.update({ where: { orgId_userId: { orgId: ctx.org.id, userId: personActing(ctx).userId } }, data: { role: "admin" } });
  await recordAudit(ctx, tx, {
    action: "ownership.transferred",
    target: { type: "member", id: userId, label: target.user.email },
    changes: { before: { role: target.role, actorRole: "owner" }, after: { role: "owner", actorRole: "admin" } },
  });
  await revokeInvitationsSentBy(ctx, tx, { userId: personActing(ctx).userId, email: ctx.actor.label }, "admin");
  return listMembers(ctx, tx);
}
