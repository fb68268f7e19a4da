import type { PlanId } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { perProcess } from "@/lib/per-process";
import { createRateLimiter, type RateLimiter, type RateLimitResult } from "./limiter";
import type { LimitName } from "./limits";
import { createMemoryStore } from "./memory-store";
import { createPlanCache, type PlanCache } from "./plan-cache";
import { planTokens } from "./plan-limits";
import { createRedisStore } from "./redis-store";
import type { RateLimitStore } from "./store";
import { createUpstashStore } from "./upstash-store";

export { rateLimitHeaders } from "./headers";
export type { RateLimitResult } from "./limiter";
export type { LimitName } from "./limits";
export type { PlanCache } from "./plan-cache";

/** Upstash when configured (production), else Redis at REDIS_URL, else this process's memory. */
function storeFromEnv(): RateLimitStore {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return createUpstashStore(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN);
  }
  if (env.REDIS_URL) return createRedisStore(env.REDIS_URL);
  if (env.APP_ENV === "production") {
    log.warn("rate-limit has no UPSTASH_REDIS_REST_URL or REDIS_URL: limits are counted per process");
  }
  return createMemoryStore();
}

function createDefaultLimiter(): RateLimiter {
  const store = storeFromEnv();
  // Upstash bills per command: let each instance deny a blocked identifier without asking.
  return createRateLimiter({ store, multiplier: env.RATE_LIMIT_MULTIPLIER, ephemeralCache: store.kind === "upstash" });
}

// One store (and Redis connection) per process and configuration (per-process.ts), created at
// first use and then held here, since every request asks for it.
let limiter: RateLimiter | undefined;

function defaultLimiter(): RateLimiter {
  limiter ??= perProcess("rate-limiter", [env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN, env.REDIS_URL, env.RATE_LIMIT_MULTIPLIER], createDefaultLimiter);
  return limiter;
}

/**
 * Counts one request for `key` (an IP, a normalised email, `${orgId}:${route}`) against
 * the named limit in `limits.ts`. Never throws for store trouble: auth limits then deny,
 * API limits allow (see `onStoreFailure`); `degraded` tells which happened.
 */
export function rateLimit(name: LimitName, key: string): Promise<RateLimitResult> {
  return defaultLimiter().limit(name, key);
}

/** Whether `key` has room left under the named limit, counting nothing (see RateLimiter.peek). */
export function rateLimitPeek(name: LimitName, key: string): Promise<RateLimitResult> {
  return defaultLimiter().peek(name, key);
}

/** Enough for every caller a busy process answers within the cache's lifetime; an entry is ~200 bytes. */
const PLAN_CACHE_ENTRIES = 20_000;

let plans: PlanCache | undefined;

/** This process's memory of which plan each recent caller's org is on (plan-cache.ts). */
export function planCache(): PlanCache {
  // Per database too: the plans it remembers are that database's orgs'.
  plans ??= perProcess("plan-cache", [env.DATABASE_URL, env.RATE_LIMIT_PLAN_CACHE_SECONDS], () =>
    createPlanCache({ ttlMs: env.RATE_LIMIT_PLAN_CACHE_SECONDS * 1000, maxEntries: PLAN_CACHE_ENTRIES }),
  );
  return plans;
}

/** The plan's number for a plan-based limit (API_RATES in limits.ts), scaled by RATE_LIMIT_MULTIPLIER. */
export function planLimit(name: LimitName, plan: PlanId): number | undefined {
  return planTokens(name, plan, env.RATE_LIMIT_MULTIPLIER);
}
