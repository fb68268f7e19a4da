/**
 * What each plan allows: the one place the app asks. Billing (a later issue) sets an
 * org's `plan` and `seatsPurchased` from Stripe; nothing else should hard-code limits.
 */
export const PLAN_IDS = ["free", "pro", "enterprise"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

type Entitlements = {
  /** Seats included without paying; null means seats are bought (seatsPurchased). */
  includedSeats: number | null;
  apiAccess: boolean;
};

export const ENTITLEMENTS: Record<PlanId, Entitlements> = {
  free: { includedSeats: 5, apiAccess: false },
  pro: { includedSeats: null, apiAccess: true },
  enterprise: { includedSeats: null, apiAccess: true },
};

export function planOf(plan: string): PlanId {
  return (PLAN_IDS as readonly string[]).includes(plan) ? (plan as PlanId) : "free";
}

/** Seats an org may fill (members + pending invitations). */
export function seatLimit(org: { plan: string; seatsPurchased: number | null }): number {
  const included = ENTITLEMENTS[planOf(org.plan)].includedSeats;
  return included ?? org.seatsPurchased ?? ENTITLEMENTS.free.includedSeats ?? 0;
}
