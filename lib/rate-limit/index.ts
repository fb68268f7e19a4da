import type { PlanId } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
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

// Next's dev server re-evaluates modules on change; keep one store (and Redis connection) per process.
const globalForRateLimit = globalThis as unknown as { tenantkitRateLimiter?: RateLimiter; tenantkitPlanCache?: PlanCache };

function defaultLimiter(): RateLimiter {
  globalForRateLimit.tenantkitRateLimiter ??= createDefaultLimiter();
  return globalForRateLimit.tenantkitRateLimiter;
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

/** This process's memory of which plan each recent caller's org is on (plan-cache.ts). */
export function planCache(): PlanCache {
  globalForRateLimit.tenantkitPlanCache ??= createPlanCache({ ttlMs: env.RATE_LIMIT_PLAN_CACHE_SECONDS * 1000, maxEntries: PLAN_CACHE_ENTRIES });
  return globalForRateLimit.tenantkitPlanCache;
}

/** The plan's number for a plan-based limit (API_RATES in limits.ts), scaled by RATE_LIMIT_MULTIPLIER. */
export function planLimit(name: LimitName, plan: PlanId): number | undefined {
  return planTokens(name, plan, env.RATE_LIMIT_MULTIPLIER);
}
