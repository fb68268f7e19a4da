import type { Tx } from "@/lib/db/tenant-transaction";
import { AppError } from "@/lib/api/errors";
import { countUsage, fits, limitFor, loadOrgPlan, type OrgPlan } from "@/lib/billing/entitlements";
import { billingPath } from "@/lib/billing/paths";
import { planOf } from "@/lib/billing/plans";
import type { OrgContext } from "@/lib/orgs/context";

/** Seats in use (members + pending invitations) against the plan's cap; a null limit is unlimited. */
export type SeatUsage = { used: number; limit: number | null };

export async function seatUsage(ctx: OrgContext, tx: Tx): Promise<SeatUsage> {
  const org = await loadOrgPlan(ctx, tx);
  return { used: await countUsage(ctx, tx, "members"), limit: limitFor(org, "members") };
}

/** What an admin can do about a full org depends on whether the plan sells seats. */
function remedy(org: OrgPlan): string {
  const upgrade = planOf(org.plan).seats.kind === "included" ? "upgrade the plan" : "buy more seats";
  return `Remove a member, revoke an invitation, or ${upgrade} to invite more.`;
}

/**
 * Refuses (402 `seat_limit`) when `adding` more seats would exceed the org's members
 * limit (lib/billing/entitlements.ts). Locks the org row first so concurrent invitations
 * in one org are counted one after another and cannot both take the last seat.
 */
export async function assertSeatsAvailable(ctx: OrgContext, tx: Tx, adding: number): Promise<SeatUsage> {
  const org = await loadOrgPlan(ctx, tx, { lock: true });
  const seats = { used: await countUsage(ctx, tx, "members"), limit: limitFor(org, "members") };
  if (seats.limit === null || fits(seats.used, adding, seats.limit)) return seats;
  const free = Math.max(0, seats.limit - seats.used);
  const need = adding > 1 ? ` Inviting ${adding} people needs ${adding} free seats; ${free} ${free === 1 ? "is" : "are"} left.` : "";
  throw new AppError(
    "seat_limit",
    `This organization has ${seats.used} of ${seats.limit} seats in use (members and pending invitations).${need} ${remedy(org)}`,
    { extensions: { limit: "members", used: seats.used, max: seats.limit, plan: planOf(org.plan).id, upgradeUrl: billingPath(ctx.org.slug) } },
  );
}
