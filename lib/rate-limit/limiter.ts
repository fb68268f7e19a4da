import { Ratelimit, type RatelimitConfig } from "@upstash/ratelimit";
import { log } from "@/lib/log";
import { limits, scaledTokens, STORE_FAILURE_RETRY_MS, STORE_TIMEOUT_MS, type LimitName, type LimitRule } from "./limits";
import type { RateLimitStore, ScriptRedis } from "./store";

export type RateLimitResult = {
  success: boolean;
  /** Requests allowed per window (after the multiplier). */
  limit: number;
  remaining: number;
  /** Unix time in ms when the current window ends. */
  reset: number;
  /** The store failed or timed out, so the limit's failure policy decided `success`. */
  degraded: boolean;
};

export type RateLimiterOptions = {
  store: RateLimitStore;
  /** `env.RATE_LIMIT_MULTIPLIER` for the app. */
  multiplier: number;
  /** Prefix of every key in the store; tests pass a random one. */
  prefix?: string;
  timeoutMs?: number;
  /**
   * Remember identifiers that hit their limit and deny them in-process until the window
   * ends, without asking the store. Saves paid commands under attack; off by default
   * because it makes a process's answers depend on its own history.
   */
  ephemeralCache?: boolean;
};

export type RateLimiter = {
  /** Counts one request for `key` against the named limit. */
  limit(name: LimitName, key: string): Promise<RateLimitResult>;
  /**
   * Whether `key` has room left, without counting anything: for limits that count only
   * failures (wrong passwords), checked before the attempt and counted after it fails.
   */
  peek(name: LimitName, key: string): Promise<RateLimitResult>;
  close(): Promise<void>;
};

class StoreTimeoutError extends Error {
  constructor(ms: number) {
    super(`rate-limit store did not answer within ${ms} ms`);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Ratelimit's config type asks for @upstash/redis's whole generic `evalsha`/`get`/`set`
 * surface, yet with analytics, deny lists and dynamic limits off it only calls `evalsha`
 * and, after NOSCRIPT, `eval` (which its type omits). `ScriptRedis` is exactly that.
 */
const asRatelimitRedis = (redis: ScriptRedis) => redis as unknown as RatelimitConfig["redis"];

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { store, multiplier, prefix = "tenantkit:rl", timeoutMs = STORE_TIMEOUT_MS } = options;
  const ratelimits = new Map<LimitName, Ratelimit>();

  const ratelimitFor = (name: LimitName): Ratelimit => {
    let ratelimit = ratelimits.get(name);
    if (ratelimit === undefined) {
      const rule: LimitRule = limits[name];
      const tokens = scaledTokens(rule.tokens, multiplier);
      ratelimit = new Ratelimit({
        redis: asRatelimitRedis(store.redis),
        limiter: rule.algorithm === "fixed" ? Ratelimit.fixedWindow(tokens, rule.window) : Ratelimit.slidingWindow(tokens, rule.window),
        prefix: `${prefix}:${name}`,
        ephemeralCache: options.ephemeralCache ? new Map() : false,
        // The library's own timeout resolves `success: true`; ours lets each limit pick its policy.
        timeout: 0,
        analytics: false,
      });
      ratelimits.set(name, ratelimit);
    }
    return ratelimit;
  };

  // One warning when the store starts failing and one line when it answers again, not one per
  // request: an outage under load would otherwise flood the log with the same line.
  let failedChecks = 0;
  const onStoreFailure = (name: LimitName, error: unknown): RateLimitResult => {
    const rule = limits[name];
    const limit = scaledTokens(rule.tokens, multiplier);
    const failOpen = rule.onStoreFailure === "open";
    if (failedChecks++ === 0) {
      log.warn("rate-limit store failed: API limits allow requests, auth limits deny them, until it answers again", {
        store: store.kind,
        limit: name,
        policy: rule.onStoreFailure,
        error,
      });
    }
    return failOpen
      ? { success: true, limit, remaining: limit, reset: Date.now(), degraded: true }
      : { success: false, limit, remaining: 0, reset: Date.now() + STORE_FAILURE_RETRY_MS, degraded: true };
  };

  const check = async (name: LimitName, key: string, rate: 0 | 1): Promise<RateLimitResult> => {
    // Case and stray spaces must not buy an attacker a fresh bucket (Alice@x.com vs alice@x.com).
    const identifier = key.trim().toLowerCase();
    if (identifier === "") throw new Error(`rate limit "${name}" needs a non-empty key`);
    try {
      const { success, limit, remaining, reset } = await withTimeout(ratelimitFor(name).limit(identifier, { rate }), timeoutMs);
      if (failedChecks > 0) {
        log.info("rate-limit store answers again", { store: store.kind, failedChecks });
        failedChecks = 0;
      }
      // A zero-rate call always "succeeds"; the bucket is full when nothing remains.
      return { success: rate === 0 ? remaining > 0 : success, limit, remaining, reset, degraded: false };
    } catch (error) {
      return onStoreFailure(name, error);
    }
  };

  return {
    limit: (name, key) => check(name, key, 1),
    peek: (name, key) => check(name, key, 0),
    close: () => store.close(),
  };
}
