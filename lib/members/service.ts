import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db/tenant-transaction";
import { AppError, notFound } from "@/lib/api/errors";
import { can } from "@/lib/auth/permissions";
import type { OrgContext } from "@/lib/orgs/context";
import { recordAudit } from "@/lib/audit/record";
import { canManageMember, canTransferOwnership, grantableRoles } from "./rules";

export type MemberDto = { userId: string; name: string | null; email: string; image: string | null; role: Role; joinedAt: string };

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

async function findMember(ctx: OrgContext, tx: Tx, userId: string): Promise<Row> {
  const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId: ctx.org.id, userId } }, select });
  if (!member) throw notFound("Member");
  return member;
}

/** Locks the org's owner rows so two concurrent demotions cannot both pass the check. */
async function assertAnotherOwner(tx: Tx, ctx: OrgContext, leavingUserId: string, message: string) {
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    select "userId" from memberships where "orgId" = ${ctx.org.id} and role = 'owner' for update`;
  if (!owners.some((o) => o.userId !== leavingUserId)) throw new AppError("conflict", message);
}

/** An actor changes the role of someone at or below their own rank, to a role at or below it. */
export async function changeRole(ctx: OrgContext, tx: Tx, userId: string, role: Role): Promise<MemberDto> {
  const member = await findMember(ctx, tx, userId);
  if (!canManageMember(ctx.role, member.role) || !grantableRoles(ctx.role).includes(role)) {
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
  return toDto(updated);
}

/**
 * Removes a member, or the caller themself when `userId` is theirs (leaving). Access ends
 * with the membership row: every request re-reads it, so the next one is refused.
 */
export async function removeMember(ctx: OrgContext, tx: Tx, userId: string): Promise<void> {
  const self = userId === ctx.actor.userId;
  if (!self && !can(ctx.role, "members:manage")) throw new AppError("forbidden", "Your role does not allow removing members.");
  const member = await findMember(ctx, tx, userId);
  if (!self && !canManageMember(ctx.role, member.role)) throw new AppError("forbidden", "You cannot remove someone who outranks you.");
  if (member.role === "owner") {
    await assertAnotherOwner(tx, ctx, userId, self ? "You are the last owner. Make someone else an owner, or delete the organization." : "An organization needs at least one owner.");
  }
  await tx.membership.delete({ where: { id: member.id } });
  await recordAudit(ctx, tx, {
    action: self ? "member.left" : "member.removed",
    target: { type: "member", id: userId, label: member.user.email },
    changes: { before: { role: member.role } },
  });
}

/**
 * Hands the org to another member: they become an owner and the caller an admin. The
 * caller's own row is locked and re-read, so a concurrent demotion cannot slip between.
 */
export async function transferOwnership(ctx: OrgContext, tx: Tx, userId: string): Promise<MemberDto[]> {
  const [caller] = await tx.$queryRaw<{ role: Role }[]>`
    select role from memberships where "orgId" = ${ctx.org.id} and "userId" = ${ctx.actor.userId} for update`;
  if (!caller || !canTransferOwnership(caller.role)) throw new AppError("forbidden", "Only an owner can transfer ownership.");
  if (userId === ctx.actor.userId) {
    throw new AppError("invalid_input", "You already own this organization. Choose another member.", {
      errors: [{ path: "userId", message: "is you; choose another member" }],
    });
  }
  const target = await findMember(ctx, tx, userId);
  await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
  await tx.membership.update({ where: { orgId_userId: { orgId: ctx.org.id, userId: ctx.actor.userId } }, data: { role: "admin" } });
  await recordAudit(ctx, tx, {
    action: "ownership.transferred",
    target: { type: "member", id: userId, label: target.user.email },
    changes: { before: { role: target.role, actorRole: "owner" }, after: { role: "owner", actorRole: "admin" } },
  });
  return listMembers(ctx, tx);
}
