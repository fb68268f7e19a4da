import type { PlanId } from "@/lib/billing/plans";
import type { RateLimitResult } from "./limiter";
import { API_RATES, scaledTokens, type LimitName } from "./limits";

export type Access = "read" | "write";

/**
 * What a tenant route's org-wide bucket is named after: the resource (the first path segment
 * after the org, `org` for the org itself) and whether the method reads or writes. Derived
 * from the route pattern, so a new route joins its resource's group with no table to update.
 */
export type RouteGroup = { resource: string; access: Access; name: string };

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `GET /api/v1/orgs/[org]/projects/[id]` → `projects:read`; `PATCH /api/v1/orgs/[org]` → `org:write`. */
export function routeGroup(method: string, pattern: string): RouteGroup {
  const access: Access = READ_METHODS.has(method.toUpperCase()) ? "read" : "write";
  const segments = pattern.split("/").filter(Boolean);
  const after = segments.indexOf("[org]");
  const next = after === -1 ? undefined : segments[after + 1];
  const resource = next === undefined || next.startsWith("[") ? "org" : next;
  return { resource, access, name: `${resource}:${access}` };
}

/** Who shares a bucket, as the 429 body names it. */
export type BucketScope = "org" | "api_key" | "user" | "ip";

export type Bucket = { limit: LimitName; key: string; scope: BucketScope };

/**
 * The plan-based buckets of one request: the org's bucket for the route group, shared by all
 * its callers, and the caller's own (one per API key, one per person in each org).
 */
export function planBuckets(slug: string, caller: { kind: "api_key" | "user"; id: string }, group: RouteGroup): { org: Bucket; caller: Bucket } {
  return {
    org: { limit: `api:org:${group.access}`, key: `${slug}:${group.resource}`, scope: "org" },
    caller: { limit: `api:caller:${group.access}`, key: `${slug}:${caller.kind}:${caller.id}`, scope: caller.kind },
  };
}

const PLAN_RATE: Partial<Record<LimitName, (plan: PlanId) => number>> = {
  "api:org:read": (plan) => API_RATES[plan].org.read,
  "api:org:write": (plan) => API_RATES[plan].org.write,
  "api:caller:read": (plan) => API_RATES[plan].caller.read,
  "api:caller:write": (plan) => API_RATES[plan].caller.write,
};

/** The plan's number for a plan-based limit, scaled like every limit; undefined for other limits. */
export function planTokens(limit: LimitName, plan: PlanId, multiplier: number): number | undefined {
  const rate = PLAN_RATE[limit];
  return rate && scaledTokens(rate(plan), multiplier);
}

/**
 * Applies a plan's number to a count the store made against the most generous plan's number
 * (a fixed window, which counts refused requests too, so the count does not depend on which
 * number it was checked against). `tokens` is never above the store's, so a request the store
 * refused is refused under every plan.
 */
export function underPlan(result: RateLimitResult, tokens: number): RateLimitResult {
  if (result.degraded) return { ...result, limit: tokens, remaining: result.success ? tokens : 0 };
  const used = result.success ? result.limit - result.remaining : result.limit + 1;
  const success = used <= tokens;
  return { success, limit: tokens, remaining: Math.max(0, tokens - used), reset: result.reset, degraded: false };
}

/**
 * The result the RateLimit-* headers report when several limits applied, as the IETF draft
 * asks: a refusing one (the one that frees up last, so Retry-After is long enough for all),
 * else the counted one with the fewest requests left (the smaller limit on a tie). Results
 * without counts (store down) are reported only when nothing was counted.
 */
export function mostRestrictive<T extends { result: RateLimitResult }>(checks: T[]): T | undefined {
  const refused = checks.filter((c) => !c.result.success);
  if (refused.length > 0) return refused.reduce((a, b) => (b.result.reset > a.result.reset ? b : a));
  const counted = checks.filter((c) => !c.result.degraded);
  if (counted.length === 0) return checks[0];
  const tighter = (a: RateLimitResult, b: RateLimitResult) => b.remaining < a.remaining || (b.remaining === a.remaining && b.limit < a.limit);
  return counted.reduce((a, b) => (tighter(a.result, b.result) ? b : a));
}
