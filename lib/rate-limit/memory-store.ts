import type { RateLimitStore, ScriptRedis } from "./store";

type Entry = { value: number; expiresAt: number };
type Script = (keys: string[], args: unknown[]) => unknown;

/** SHA1s of the scripts as @upstash/ratelimit 2.2 sends them (its SCRIPTS table). */
const SLIDING_WINDOW_LIMIT_SHA = "74740bb3d7792848093cdef586b6b6037c455fd6";
const FIXED_WINDOW_LIMIT_SHA = "b2efc02798c8e9b471a10f9b1d5745db89923ff3";

/** Expired keys are also swept every this many writes, so keys nobody reads again do not pile up. */
const SWEEP_EVERY_WRITES = 1_000;

/**
 * The zero-setup store: one process, no Redis. @upstash/ratelimit has no in-memory mode, so this
 * answers its `evalsha` calls by running a JavaScript port of each Lua script it uses, looked up
 * by the SHA1 the library sends. Only the sliding and fixed windows are ported, because
 * `limits.ts` uses only those. Counts live in this process: with several app instances, use Redis.
 */
export function createMemoryStore(): RateLimitStore {
  const entries = new Map<string, Entry>();
  let writes = 0;

  const read = (key: string, now: number): number => {
    const entry = entries.get(key);
    if (entry === undefined) return 0;
    if (entry.expiresAt <= now) {
      entries.delete(key);
      return 0;
    }
    return entry.value;
  };

  const incrementBy = (key: string, amount: number, ttlMs: number, now: number): number => {
    const value = read(key, now) + amount;
    const existing = entries.get(key);
    // Like the Lua script: the expiry is set when the key is created and not extended afterwards.
    entries.set(key, { value, expiresAt: existing?.expiresAt ?? now + ttlMs });
    if (++writes % SWEEP_EVERY_WRITES === 0) {
      for (const [k, e] of entries) if (e.expiresAt <= now) entries.delete(k);
    }
    return value;
  };

  /** Port of @upstash/ratelimit 2.2's single-region `slidingWindowLimitScript`. */
  const slidingWindowLimit: Script = (keys, args) => {
    const [currentKey = "", previousKey = ""] = keys;
    // ARGV: tokens, request time (ms), window (ms), increment; Lua coerces them to numbers too.
    const tokens = Number(args[0]);
    const requestTime = Number(args[1]);
    const windowMs = Number(args[2]);
    const increment = Number(args[3]);
    const now = Date.now();

    const current = read(currentKey, now);
    const previous = read(previousKey, now);
    const weightedPrevious = Math.floor((1 - (requestTime % windowMs) / windowMs) * previous);
    if (increment > 0 && weightedPrevious + current >= tokens) return [-1, tokens];

    const updated = incrementBy(currentKey, increment, windowMs * 2 + 1_000, now);
    return [tokens - (updated + weightedPrevious), tokens];
  };

  /** Port of @upstash/ratelimit 2.2's single-region `fixedWindowLimitScript` (no dynamic limits). */
  const fixedWindowLimit: Script = (keys, args) => {
    // ARGV: tokens, window (ms), increment. Every call counts, refused ones too, like INCRBY.
    const tokens = Number(args[0]);
    const used = incrementBy(keys[0] ?? "", Number(args[2]), Number(args[1]), Date.now());
    return [used, tokens];
  };

  const scripts = new Map<string, Script>([
    [SLIDING_WINDOW_LIMIT_SHA, slidingWindowLimit],
    [FIXED_WINDOW_LIMIT_SHA, fixedWindowLimit],
  ]);

  const redis: ScriptRedis = {
    async evalsha(sha, keys, args) {
      const script = scripts.get(sha);
      if (script === undefined) {
        // Not NOSCRIPT on purpose: the library would then `eval` Lua we cannot run.
        throw new Error(
          `In-memory rate-limit store cannot run script ${sha}: @upstash/ratelimit changed its scripts ` +
            "or a new algorithm is in use. Port the script in lib/rate-limit/memory-store.ts.",
        );
      }
      return script(keys, args);
    },
    async eval() {
      throw new Error("In-memory rate-limit store runs scripts by SHA1 only");
    },
  };

  return { kind: "memory", redis, close: async () => entries.clear() };
}
