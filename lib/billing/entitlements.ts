import { AppError } from "@/lib/api/errors";
import type { Tx } from "@/lib/db/tenant-transaction";
import type { OrgContext } from "@/lib/orgs/context";
import { FEATURE_LABELS, LIMIT_LABELS } from "./labels";
import { billingPath } from "./paths";
import { FEATURES, LIMITS, PLAN_IDS, PLANS, planOf, type Feature, type Limit, type Plan, type PlanId } from "./plans";
import type { LimitUsage, OrgUsage } from "./schemas";
import { usageThisMonth } from "./usage-counters";

export type { LimitUsage, OrgUsage } from "./schemas";

/**
 * The one place that answers "may this org use feature X?" and "how close is it to limit
 * Y?", for route handlers, services and pages alike. The rules (top half) are pure and
 * read lib/billing/plans.ts; the checks (bottom half) count usage inside the caller's
 * org transaction, so row-level security confines every count to that org.
 */

/** What billing stores on the org: the plan id and, once bought or agreed, the seats. */
export type OrgPlan = { plan: string; seatsPurchased: number | null };

/** At or above this share of a limit, admins are warned. */
export const WARNING_RATIO = 0.8;

export function hasFeature(org: OrgPlan, feature: Feature): boolean {
  return planOf(org.plan).features[feature];
}

/**
 * Seats an org may fill under its plan's seat rule; null is unlimited. Per-seat plans bill
 * the seats in use, so they cap nothing until billing records a purchase; contract plans
 * cap at what the contract says once it is recorded.
 */
function seatCap(plan: Plan, org: OrgPlan): number | null {
  switch (plan.seats.kind) {
    case "included":
      return plan.seats.seats;
    // Per-seat plans never refuse a member: the subscription quantity follows the team and is billed.
    case "per-seat":
      return null;
    case "contract":
      return org.seatsPurchased;
  }
}

const tighter = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/** The org's cap on `limit`; null is unlimited. Members are seats: the seat rule and the plan's member limit both apply. */
export function limitFor(org: OrgPlan, limit: Limit): number | null {
  const plan = planOf(org.plan);
  return limit === "members" ? tighter(seatCap(plan, org), plan.limits.members) : plan.limits[limit];
}

/** How `used` stands against `max`. A limit of 0 means the plan does not offer it, which is no reason to warn. */
export function measure(limit: Limit, used: number, max: number | null): LimitUsage {
  if (max === null || max === 0) return { limit, used, max, ratio: null, warning: false, reached: false };
  const ratio = used / max;
  return { limit, used, max, ratio, warning: ratio >= WARNING_RATIO, reached: used >= max };
}

/** Whether adding `adding` more stays within `max`. */
export const fits = (used: number, adding: number, max: number | null) => max === null || used + adding <= max;

/** The first plan (cheapest first, as PLAN_IDS orders them) that offers `feature`. */
export function planWithFeature(feature: Feature): Plan {
  const id = PLAN_IDS.find((p) => PLANS[p].features[feature]) ?? "enterprise";
  return PLANS[id];
}

/** The first plan above `current` with more room for `limit`, for the refusal's advice. */
export function planWithMore(current: PlanId, limit: Limit, used: number): Plan | null {
  const id = PLAN_IDS.slice(PLAN_IDS.indexOf(current) + 1).find((p) => fits(used, 1, PLANS[p].limits[limit]));
  return id ? PLANS[id] : null;
}

/**
 * Seats in use = members + pending invitations that have not expired: an invitation
 * holds its seat until it is accepted, revoked or lapses, so admins cannot over-invite.
 * Also what a per-seat subscription's quantity follows (lib/billing/seat-sync.ts).
 */
export async function seatsInUse(tx: Tx, orgId: string): Promise<number> {
  const members = await tx.membership.count({ where: { orgId } });
  const invitations = await tx.invitation.count({ where: { orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } });
  return members + invitations;
}

/** Usage counters, each run inside the org transaction. */
const COUNTERS: Record<Limit, (ctx: OrgContext, tx: Tx) => Promise<number>> = {
  projects: (ctx, tx) => tx.project.count({ where: { orgId: ctx.org.id } }),
  members: (ctx, tx) => seatsInUse(tx, ctx.org.id),
  // The metered count (lib/billing/usage-recorder.ts) since the first of this month, UTC.
  apiCallsPerMonth: (ctx, tx) => usageThisMonth(tx, ctx.org.id, "api_calls"),
};

export const countUsage = (ctx: OrgContext, tx: Tx, limit: Limit) => COUNTERS[limit](ctx, tx);

/**
 * The org's plan record. `lock` takes the org row for the rest of the transaction, so
 * concurrent writes in one org are counted one after another and cannot both take the
 * last unit of a limit. NO KEY: inserts that merely reference the org are not held up.
 */
export async function loadOrgPlan(ctx: OrgContext, tx: Tx, { lock = false } = {}): Promise<OrgPlan> {
  const [org] = lock
    ? await tx.$queryRaw<OrgPlan[]>`select plan, "seatsPurchased" from organizations where id = ${ctx.org.id} for no key update`
    : await tx.$queryRaw<OrgPlan[]>`select plan, "seatsPurchased" from organizations where id = ${ctx.org.id}`;
  if (!org) throw new AppError("not_found", "Organization not found.");
  return org;
}

/** The plan, every limit as used / max and every feature: what the usage endpoint and the dashboard banner show. */
export async function orgUsage(ctx: OrgContext, tx: Tx): Promise<OrgUsage> {
  const org = await loadOrgPlan(ctx, tx);
  const plan = planOf(org.plan);
  const limits: LimitUsage[] = [];
  for (const limit of LIMITS) limits.push(measure(limit, await countUsage(ctx, tx, limit), limitFor(org, limit)));
  return {
    plan: { id: plan.id, name: plan.name },
    limits,
    features: Object.fromEntries(FEATURES.map((f) => [f, plan.features[f]])) as Record<Feature, boolean>,
    warning: limits.some((l) => l.warning),
    upgradeUrl: billingPath(ctx.org.slug),
  };
}

/** Refuses (403 `feature_unavailable`) a feature the org's plan lacks, naming the plan that has it. */
export async function assertFeature(ctx: OrgContext, tx: Tx, feature: Feature): Promise<void> {
  assertPlanFeature(await loadOrgPlan(ctx, tx), ctx.org.slug, feature);
}

/** The same refusal for a caller that already loaded the plan (an API key's org, resolved with the key). */
export function assertPlanFeature(org: OrgPlan, slug: string, feature: Feature): void {
  if (hasFeature(org, feature)) return;
  const needed = planWithFeature(feature);
  const upgradeUrl = billingPath(slug);
  throw new AppError(
    "feature_unavailable",
    `${FEATURE_LABELS[feature]} is not part of the ${planOf(org.plan).name} plan. It comes with ${needed.name}: upgrade at ${upgradeUrl}.`,
    { extensions: { feature, plan: planOf(org.plan).id, requiredPlan: needed.id, upgradeUrl } },
  );
}

/**
 * Refuses (402 `plan_limit`) when adding `adding` would take the org past its plan's
 * `limit`. What is already over the limit stays: only the new write is refused. A plan
 * without that limit costs one read; otherwise the org row is locked (see loadOrgPlan)
 * before counting.
 */
export async function assertWithinLimit(ctx: OrgContext, tx: Tx, limit: Limit, adding = 1): Promise<void> {
  if (limitFor(await loadOrgPlan(ctx, tx), limit) === null) return;
  const org = await loadOrgPlan(ctx, tx, { lock: true });
  const usage = measure(limit, await countUsage(ctx, tx, limit), limitFor(org, limit));
  if (!fits(usage.used, adding, usage.max)) throw limitRefusal(org, ctx.org.slug, limit, usage.used, adding);
}

/**
 * The monthly API-call quota, checked for each request made with an API key (the org's plan
 * and the month's count, `used`, already read with the key). Unlike assertWithinLimit it takes no lock: calls are counted in
 * batches (lib/billing/usage-recorder.ts), so a burst can pass the quota by the few seconds of
 * calls not yet written, and serialising every API call of an org would cost far more.
 */
export function assertApiCallQuota(org: OrgPlan, slug: string, used: number): void {
  const max = limitFor(org, "apiCallsPerMonth");
  if (max !== null && !fits(used, 1, max)) throw limitRefusal(org, slug, "apiCallsPerMonth", used, 1);
}

function limitRefusal(org: OrgPlan, slug: string, limit: Limit, used: number, adding: number): AppError {
  const plan = planOf(org.plan);
  const max = limitFor(org, limit) ?? 0;
  const label = LIMIT_LABELS[limit];
  const upgradeUrl = billingPath(slug);
  const next = planWithMore(plan.id, limit, used + adding - 1);
  const advice = next ? `Upgrade to ${next.name} for more at ${upgradeUrl}.` : `Manage the plan at ${upgradeUrl}.`;
  return new AppError("plan_limit", `The ${plan.name} plan allows ${max} ${max === 1 ? label.one : label.many}; this organization has ${used}. ${advice}`, {
    extensions: { limit, used, max, plan: plan.id, upgradeUrl },
  });
}
