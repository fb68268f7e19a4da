import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { PLANS, type PlanId } from "@/lib/billing/plans";
import { isApiKey, type Caller, type OrgContext } from "@/lib/orgs/context";
import { planCache, planLimit, rateLimit, rateLimitHeaders, type RateLimitResult } from "@/lib/rate-limit";
import { mostRestrictive, planBuckets, routeGroup, underPlan, type Bucket, type RouteGroup } from "@/lib/rate-limit/plan-limits";
import { rateLimitRefusal } from "./request-auth";

type Checked = { bucket: Bucket; result: RateLimitResult };

export type OrgRateLimit = {
  /** Called inside the request's transaction once the membership (and so the plan) is known. */
  resolved(ctx: OrgContext): Promise<void>;
  /** The RateLimit-* headers of the answer, once resolved. */
  headers(): Record<string, string>;
};

const count = async (bucket: Bucket): Promise<Checked> => ({ bucket, result: await rateLimit(bucket.limit, bucket.key) });

/** A plan-based count judged by the plan's number; other limits (and an unknown plan) as counted. */
function underPlanOne(check: Checked, plan: PlanId | undefined): Checked {
  const tokens = plan && planLimit(check.bucket.limit, plan);
  return tokens === undefined ? check : { ...check, result: underPlan(check.result, tokens) };
}

const underPlanOf = (checks: Checked[], plan: PlanId | undefined): Checked[] => checks.map((c) => underPlanOne(c, plan));

function refusalDetail({ bucket, result }: Checked, group: RouteGroup, plan: PlanId | undefined): string {
  const per = `${result.limit} ${group.access} requests a minute`;
  const onPlan = plan ? ` on the ${PLANS[plan].name} plan` : "";
  const retry = "Retry after the time in Retry-After.";
  switch (bucket.scope) {
    case "org":
      return `This organization is over its ${per} to ${group.resource}${onPlan}, shared by all its members and API keys. ${retry}`;
    case "api_key":
      return `This API key is over its own ${per}${onPlan}; other keys and members are counted separately. ${retry}`;
    case "user":
      return `You are over your own ${per} in this organization${onPlan}. ${retry}`;
    case "ip":
      return `Too many requests from this address. ${retry}`;
  }
}

/** Headers of the tightest check; a refusal (429 naming the limit) when one refused. */
function enforce(checks: Checked[], group: RouteGroup, plan: PlanId | undefined): Record<string, string> {
  const reported = mostRestrictive(checks);
  if (reported === undefined) return {};
  const headers = rateLimitHeaders(reported.result);
  if (reported.result.success) return headers;
  const extensions = { limit: reported.bucket.limit, scope: reported.bucket.scope, group: group.name, max: reported.result.limit, ...(plan ? { plan } : {}) };
  throw rateLimitRefusal(reported.result, headers, extensions, refusalDetail(reported, group, plan));
}

/**
 * withOrg's rate limits, checked before the request's transaction opens and without a query
 * of its own. Every request counts in its caller's bucket (per API key, or per person in the
 * org) and in the org's bucket for the route group, both with numbers from the org's plan.
 *
 * The plan is only read inside the transaction, so this process remembers, per org and
 * caller, the plan it last read for them (plan-cache.ts):
 * - A caller answered recently: both buckets are counted and judged by the remembered plan
 *   before the transaction, so a flood is refused without touching the database. They are
 *   counted together, in one round trip to the store, until the caller's own bucket refuses
 *   it; for the rest of that window the org's is counted only if the caller's allows, so a
 *   runaway key refused by its own limit does not go on spending everyone else's. What a
 *   refused caller still spends of the org's bucket is bounded by the requests it had in
 *   flight when its own bucket ran out, per process.
 * - Any other caller (first request to this process, after the cache's lifetime, a stranger,
 *   a forged key): only its own bucket is counted first (judged by the most generous plan's
 *   number, plus a per-IP cap on such lookups), and the org's shared bucket only once the
 *   membership query proved the caller belongs to the org. Strangers and forged keys thus
 *   never spend an org's allowance; the price is one store call inside the transaction for
 *   these (rare) requests.
 * Both ways the final decision, before the handler runs, uses the plan read in this very
 * request: counts do not depend on the plan (fixed windows count refused requests too), so a
 * stale cache can only refuse early what an upgrade now allows (until the entry expires,
 * RATE_LIMIT_PLAN_CACHE_SECONDS) and never lets a downgraded org past its new numbers.
 */
export async function limitOrgRequest(req: NextRequest, slug: string, caller: Caller, pattern: string): Promise<OrgRateLimit> {
  const group = routeGroup(req.method, pattern);
  const buckets = planBuckets(slug, isApiKey(caller) ? { kind: "api_key", id: caller.publicId } : { kind: "user", id: caller.userId }, group);
  const cacheKey = buckets.caller.key;
  const remembered = planCache().get(cacheKey);

  let own: Checked;
  let shared: Checked | undefined;
  /** Refuses what the caller's own bucket refuses under `plan`, and remembers that it did. */
  const enforceOwn = (plan: PlanId) => {
    const judged = underPlanOne(own, plan);
    if (!judged.result.success) planCache().refused(cacheKey, judged.result.reset);
    enforce([judged], group, plan);
  };
  if (remembered) {
    if (planCache().refusing(cacheKey)) own = await count(buckets.caller);
    else [own, shared] = await Promise.all([count(buckets.caller), count(buckets.org)]);
    enforceOwn(remembered);
    shared ??= await count(buckets.org);
    enforce(underPlanOf([own, shared], remembered), group, remembered);
  } else {
    const unverified = count({ limit: "api:unverified-ip", key: clientIp(req.headers), scope: "ip" });
    [own] = await Promise.all([count(buckets.caller), unverified]);
    enforce([own, await unverified], group, undefined);
  }

  let headers: Record<string, string> = {};
  return {
    async resolved(ctx) {
      const plan = ctx.billing?.plan ?? "free";
      planCache().set(cacheKey, plan);
      enforceOwn(plan);
      shared ??= await count(buckets.org);
      headers = enforce(underPlanOf([own, shared], plan), group, plan);
    },
    headers: () => headers,
  };
}
