import type { Role } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db/tenant-transaction";
import { AppError, notFound } from "@/lib/api/errors";
import { can, outranksOrEquals } from "@/lib/auth/permissions";
import type { OrgContext } from "@/lib/orgs/context";
import { recordAudit } from "@/lib/audit/record";

export type MemberDto = { userId: string; name: string | null; email: string; image: string | null; role: Role; joinedAt: string };

export async function listMembers(ctx: OrgContext, tx: Tx): Promise<MemberDto[]> {
  // RLS confines memberships to the org (and the caller's own rows, which are in it).
  const rows = await tx.membership.findMany({
    where: { orgId: ctx.org.id },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, image: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, image: r.user.image, role: r.role, joinedAt: r.createdAt.toISOString() }));
}

async function findMember(ctx: OrgContext, tx: Tx, userId: string) {
  const member = await tx.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.org.id, userId } },
    include: { user: { select: { email: true } } },
  });
  if (!member) throw notFound("Member");
  return member;
}

/** Locks the org's owner rows so two concurrent demotions cannot both pass the check. */
async function assertAnotherOwner(tx: Tx, ctx: OrgContext, leavingUserId: string, message: string) {
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    select "userId" from memberships where "orgId" = ${ctx.org.id} and role = 'owner' for update`;
  if (!owners.some((o) => o.userId !== leavingUserId)) throw new AppError("conflict", message);
}

export async function changeRole(ctx: OrgContext, tx: Tx, userId: string, role: Role): Promise<MemberDto> {
  const member = await findMember(ctx, tx, userId);
  if (!outranksOrEquals(ctx.role, member.role) || !outranksOrEquals(ctx.role, role)) {
    throw new AppError("forbidden", "You cannot change the role of someone who outranks you, or grant a role above your own.");
  }
  if (member.role === "owner" && role !== "owner") {
    await assertAnotherOwner(tx, ctx, userId, "An organization needs at least one owner. Make someone else an owner first.");
  }
  await tx.membership.update({ where: { id: member.id }, data: { role } });
  const [updated] = (await listMembers(ctx, tx)).filter((m) => m.userId === userId);
  if (!updated) throw notFound("Member");
  if (member.role !== role) {
    await recordAudit(ctx, tx, {
      action: "member.role_changed",
      target: { type: "member", id: userId, label: updated.email },
      changes: { before: { role: member.role }, after: { role } },
    });
  }
  return updated;
}

/** Removes a member, or the caller themself when `userId` is theirs (leaving). */
export async function removeMember(ctx: OrgContext, tx: Tx, userId: string): Promise<void> {
  const self = userId === ctx.actor.userId;
  if (!self && !can(ctx.role, "members:manage")) throw new AppError("forbidden", "Your role does not allow removing members.");
  const member = await findMember(ctx, tx, userId);
  if (!self && !outranksOrEquals(ctx.role, member.role)) throw new AppError("forbidden", "You cannot remove someone who outranks you.");
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
