import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { createRateLimiter, type RateLimiter, type RateLimitResult } from "./limiter";
import type { LimitName } from "./limits";
import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";
import type { RateLimitStore } from "./store";
import { createUpstashStore } from "./upstash-store";

export { rateLimitHeaders } from "./headers";
export type { RateLimitResult } from "./limiter";
export type { LimitName } from "./limits";

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
const globalForRateLimit = globalThis as unknown as { tenantkitRateLimiter?: RateLimiter };

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
