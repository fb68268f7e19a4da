import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit/limiter";
import { limits } from "@/lib/rate-limit/limits";
import { createMemoryStore } from "@/lib/rate-limit/memory-store";
import { createRedisStore } from "@/lib/rate-limit/redis-store";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

// The same behaviour is required of both stores: Redis in CI and production-like setups,
// memory in the zero-setup default.
const stores = [
  ["Redis", () => createRedisStore(redisUrl)],
  ["in-memory", createMemoryStore],
] as const;

describe.each(stores)("rate limiting on the %s store", (_label, createStore) => {
  let limiter: RateLimiter;
  // A fresh prefix per run: no state from earlier runs, no cleanup needed (keys expire).
  const prefix = `test:rl:${randomUUID()}`;

  beforeAll(() => {
    limiter = createRateLimiter({ store: createStore(), multiplier: 1, prefix });
  });
  afterAll(() => limiter.close());

  it("allows exactly N of M concurrent requests at limit N", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.limit("auth:email", "burst@example.com")));
    expect(results.filter((r) => r.success)).toHaveLength(5);
    expect(results.every((r) => r.limit === 5 && !r.degraded)).toBe(true);
    expect(Math.min(...results.map((r) => r.remaining))).toBe(0);
  });

  it("counts separate keys independently", async () => {
    const [a, b] = await Promise.all(
      ["a@example.com", "b@example.com"].map((key) =>
        Promise.all(Array.from({ length: 7 }, () => limiter.limit("auth:email", key))),
      ),
    );
    expect(a?.filter((r) => r.success)).toHaveLength(5);
    expect(b?.filter((r) => r.success)).toHaveLength(5);
  });

  it("counts separate limits independently for the same key", async () => {
    for (let i = 0; i < 5; i++) await limiter.limit("auth:email", "shared-key");
    expect((await limiter.limit("auth:email", "shared-key")).success).toBe(false);
    expect((await limiter.limit("auth:ip", "shared-key")).success).toBe(true);
  });

  it("counts refused requests too in a fixed window (plan-based API limits), so the count is the same whatever the plan", async () => {
    const ceiling = limits["api:caller:write"].tokens;
    const results = await Promise.all(Array.from({ length: 30 }, () => limiter.limit("api:caller:write", "acme:api_key:fixed")));
    expect(results.every((r) => r.success && r.limit === ceiling)).toBe(true);
    expect(results.map((r) => ceiling - r.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const next = await limiter.limit("api:caller:write", "acme:api_key:fixed");
    expect(ceiling - next.remaining).toBe(31);
    expect(next.reset % 60_000).toBe(0);
  });

  it("counts down remaining one request at a time", async () => {
    const remaining: number[] = [];
    for (let i = 0; i < 6; i++) remaining.push((await limiter.limit("auth:email", "serial@example.com")).remaining);
    expect(remaining).toEqual([4, 3, 2, 1, 0, 0]);
  });
});

describe("the Redis store", () => {
  it("recovers when Redis forgets its scripts (restart, SCRIPT FLUSH)", async () => {
    const limiter = createRateLimiter({ store: createRedisStore(redisUrl), multiplier: 1, prefix: `test:rl:${randomUUID()}` });
    const admin = createClient({ url: redisUrl });
    await admin.connect();
    try {
      expect((await limiter.limit("auth:email", "flush@example.com")).remaining).toBe(4);
      await admin.scriptFlush();
      const after = await limiter.limit("auth:email", "flush@example.com");
      expect(after).toMatchObject({ success: true, remaining: 3, degraded: false });
    } finally {
      await admin.close();
      await limiter.close();
    }
  });

  it("applies each limit's failure policy when Redis cannot be reached", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    // Nothing listens on port 1: the connection is refused and retried until the timeout.
    const limiter = createRateLimiter({ store: createRedisStore("redis://127.0.0.1:1"), multiplier: 1, timeoutMs: 200 });
    try {
      expect(await limiter.limit("auth:ip", "203.0.113.9")).toMatchObject({ success: false, degraded: true });
      expect(await limiter.limit("api:org:read", "acme:projects")).toMatchObject({ success: true, degraded: true });
    } finally {
      await limiter.close();
      warn.mockRestore();
    }
  });
});
