import type { Tx } from "@/lib/db/tenant-transaction";
import { AppError } from "@/lib/api/errors";
import { ENTITLEMENTS, planOf, seatLimit } from "@/lib/billing/entitlements";
import type { OrgContext } from "@/lib/orgs/context";

export type SeatUsage = { used: number; limit: number };

type OrgPlan = { plan: string; seatsPurchased: number | null };

/**
 * Seats in use = members + pending invitations that have not expired: an invitation
 * holds its seat until it is accepted, revoked or lapses, so admins cannot over-invite.
 */
async function countSeats(ctx: OrgContext, tx: Tx, org: OrgPlan): Promise<SeatUsage> {
  const [members, invitations] = await Promise.all([
    tx.membership.count({ where: { orgId: ctx.org.id } }),
    tx.invitation.count({ where: { orgId: ctx.org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
  ]);
  return { used: members + invitations, limit: seatLimit(org) };
}

export async function seatUsage(ctx: OrgContext, tx: Tx): Promise<SeatUsage> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { plan: true, seatsPurchased: true } });
  return countSeats(ctx, tx, org);
}

/** What an admin can do about a full org depends on whether the plan sells seats. */
function remedy(org: OrgPlan): string {
  const upgrade = ENTITLEMENTS[planOf(org.plan)].includedSeats !== null ? "upgrade the plan" : "buy more seats";
  return `Remove a member, revoke an invitation, or ${upgrade} to invite more.`;
}

/**
 * Refuses (402 `seat_limit`) when `adding` more seats would exceed the org's limit.
 * Locks the org row first so concurrent invitations in one org are counted one after
 * another and cannot both take the last seat.
 */
export async function assertSeatsAvailable(ctx: OrgContext, tx: Tx, adding: number): Promise<SeatUsage> {
  const [org] = await tx.$queryRaw<OrgPlan[]>`
    select plan, "seatsPurchased" from organizations where id = ${ctx.org.id} for update`;
  if (!org) throw new AppError("not_found", "Organization not found.");
  const seats = await countSeats(ctx, tx, org);
  if (seats.used + adding > seats.limit) {
    const free = Math.max(0, seats.limit - seats.used);
    const need = adding > 1 ? ` Inviting ${adding} people needs ${adding} free seats; ${free} ${free === 1 ? "is" : "are"} left.` : "";
    throw new AppError(
      "seat_limit",
      `This organization has ${seats.used} of ${seats.limit} seats in use (members and pending invitations).${need} ${remedy(org)}`,
    );
  }
  return seats;
}
