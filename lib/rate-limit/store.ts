/**
 * The part of a Redis client that @upstash/ratelimit uses with our options (no analytics,
 * deny lists or dynamic limits): run a Lua script by SHA1, and by source after NOSCRIPT.
 * `@upstash/redis` satisfies it as is; the Redis and in-memory stores implement it.
 */
export type ScriptRedis = {
  evalsha(sha1: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
};

export type StoreKind = "upstash" | "redis" | "memory";

export type RateLimitStore = {
  kind: StoreKind;
  redis: ScriptRedis;
  /** Releases connections so scripts and tests can exit. */
  close(): Promise<void>;
};
