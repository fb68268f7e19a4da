import { env } from "@/lib/env";

/**
 * The plans, in one place: what each costs in Stripe, how seats work, which features it
 * switches on and its limits. Entitlement checks (lib/billing/entitlements.ts), the pricing
 * page and webhook handling all read this, so they cannot disagree.
 */
export const PLAN_IDS = ["free", "pro", "enterprise"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export const FEATURES = ["apiAccess", "requireTwoFactor", "auditLogExport"] as const;
export type Feature = (typeof FEATURES)[number];

export const LIMITS = ["projects", "members", "apiCallsPerMonth"] as const;
export type Limit = (typeof LIMITS)[number];

export type SeatRule =
  /** A fixed number of seats at no charge. */
  | { kind: "included"; seats: number }
  /** Billed per seat: the Stripe subscription quantity is the seats in use. */
  | { kind: "per-seat" }
  /** Agreed by contract: seats are whatever the org's record says. */
  | { kind: "contract" };

export type Plan = {
  id: PlanId;
  name: string;
  /** The recurring Stripe price (per seat for per-seat plans); undefined where the plan is not sold through Checkout. */
  stripePriceId: string | undefined;
  /** Monthly price per seat in cents, as shown on the pricing page; null where it is agreed by contract. */
  pricePerSeatCents: number | null;
  trialDays: number;
  seats: SeatRule;
  features: Record<Feature, boolean>;
  /** How long audit events are kept, in days. */
  auditLogRetentionDays: number;
  /** null: unlimited. */
  limits: Record<Limit, number | null>;
};

export const PLANS: Record<PlanId, Plan> = {
  free: {
    id: "free",
    name: "Free",
    stripePriceId: undefined,
    pricePerSeatCents: 0,
    trialDays: 0,
    seats: { kind: "included", seats: 5 },
    features: { apiAccess: false, requireTwoFactor: false, auditLogExport: false },
    auditLogRetentionDays: 30,
    limits: { projects: 50, members: 5, apiCallsPerMonth: 0 },
  },
  pro: {
    id: "pro",
    name: "Pro",
    stripePriceId: env.STRIPE_PRICE_PRO,
    pricePerSeatCents: 1200,
    trialDays: 14,
    seats: { kind: "per-seat" },
    features: { apiAccess: true, requireTwoFactor: true, auditLogExport: true },
    auditLogRetentionDays: 365,
    limits: { projects: null, members: null, apiCallsPerMonth: 100_000 },
  },
  enterprise: {
    id: "enterprise",
    name: "Enterprise",
    stripePriceId: env.STRIPE_PRICE_ENTERPRISE,
    pricePerSeatCents: null,
    trialDays: 0,
    seats: { kind: "contract" },
    features: { apiAccess: true, requireTwoFactor: true, auditLogExport: true },
    auditLogRetentionDays: 7 * 365,
    limits: { projects: null, members: null, apiCallsPerMonth: null },
  },
};

/** An org's stored plan id, read defensively: anything unknown is Free. */
export function planOf(plan: string): Plan {
  return (PLAN_IDS as readonly string[]).includes(plan) ? PLANS[plan as PlanId] : PLANS.free;
}

/** The plan a Stripe price belongs to (webhooks map subscriptions back with this), or null. */
export function planForPrice(priceId: string | null | undefined): Plan | null {
  if (!priceId) return null;
  return Object.values(PLANS).find((p) => p.stripePriceId === priceId) ?? null;
}
