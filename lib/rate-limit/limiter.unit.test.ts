import { describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { createRateLimiter } from "./limiter";
import { createMemoryStore } from "./memory-store";
import type { RateLimitStore } from "./store";

const brokenStore: RateLimitStore = {
  kind: "redis",
  redis: {
    evalsha: () => Promise.reject(new Error("ECONNREFUSED")),
    eval: () => Promise.reject(new Error("ECONNREFUSED")),
  },
  close: async () => {},
};

const hangingStore: RateLimitStore = {
  kind: "upstash",
  redis: { evalsha: () => new Promise(() => {}), eval: () => new Promise(() => {}) },
  close: async () => {},
};

describe("createRateLimiter on the in-memory store", () => {
  it("allows exactly the limit, then denies", async () => {
    const limiter = createRateLimiter({ store: createMemoryStore(), multiplier: 1 });
    const results = await Promise.all(Array.from({ length: 8 }, () => limiter.limit("auth:email", "a@example.com")));
    expect(results.filter((r) => r.success)).toHaveLength(5);
    expect(results.map((r) => r.remaining).sort()).toEqual([0, 0, 0, 0, 1, 2, 3, 4]);
    expect(results.every((r) => r.limit === 5 && !r.degraded)).toBe(true);
  });

  it("applies the multiplier", async () => {
    const limiter = createRateLimiter({ store: createMemoryStore(), multiplier: 2 });
    const results = await Promise.all(Array.from({ length: 12 }, () => limiter.limit("auth:email", "a@example.com")));
    expect(results.filter((r) => r.success)).toHaveLength(10);
  });

  it("counts keys and limits separately, and ignores case in keys", async () => {
    const limiter = createRateLimiter({ store: createMemoryStore(), multiplier: 1 });
    for (let i = 0; i < 5; i++) await limiter.limit("auth:email", "A@Example.com ");
    expect((await limiter.limit("auth:email", "a@example.com")).success).toBe(false);
    expect((await limiter.limit("auth:email", "b@example.com")).success).toBe(true);
    expect((await limiter.limit("auth:ip", "a@example.com")).success).toBe(true);
  });

  it("reports when the window resets", async () => {
    const limiter = createRateLimiter({ store: createMemoryStore(), multiplier: 1 });
    const { reset } = await limiter.limit("auth:email", "a@example.com");
    expect(reset).toBeGreaterThan(Date.now());
    expect(reset).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  });

  it("rejects an empty key, which would share one bucket between everyone", async () => {
    const limiter = createRateLimiter({ store: createMemoryStore(), multiplier: 1 });
    await expect(limiter.limit("api:ip", "  ")).rejects.toThrow(/non-empty key/);
  });
});

describe("when the store fails", () => {
  it("denies auth requests and allows API requests, logging a warning", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const limiter = createRateLimiter({ store: brokenStore, multiplier: 1 });

    const auth = await limiter.limit("auth:ip", "203.0.113.9");
    expect(auth).toMatchObject({ success: false, remaining: 0, limit: 20, degraded: true });
    expect(auth.reset).toBeGreaterThan(Date.now());

    expect(await limiter.limit("api:org:read", "acme:projects")).toMatchObject({ success: true, degraded: true });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("logs an outage once, however many requests it affects, and logs its end", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const info = vi.spyOn(log, "info").mockImplementation(() => {});
    const memory = createMemoryStore();
    let down = true;
    const flaky: RateLimitStore = {
      kind: "redis",
      redis: {
        evalsha: (...args) => (down ? Promise.reject(new Error("ECONNREFUSED")) : memory.redis.evalsha(...args)),
        eval: (...args) => (down ? Promise.reject(new Error("ECONNREFUSED")) : memory.redis.eval(...args)),
      },
      close: async () => {},
    };
    const limiter = createRateLimiter({ store: flaky, multiplier: 1 });
    for (let i = 0; i < 50; i++) await limiter.limit("api:caller:read", "acme:user:u1");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toMatchObject({ store: "redis", limit: "api:caller:read", policy: "open" });

    down = false;
    expect(await limiter.limit("api:caller:read", "acme:user:u1")).toMatchObject({ success: true, degraded: false });
    expect(info).toHaveBeenCalledWith("rate-limit store answers again", { store: "redis", failedChecks: 50 });

    down = true;
    await limiter.limit("auth:ip", "203.0.113.9");
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    info.mockRestore();
  });

  it("decides after the timeout instead of waiting for a store that does not answer", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const limiter = createRateLimiter({ store: hangingStore, multiplier: 1, timeoutMs: 50 });
    const started = Date.now();
    const [auth, api] = await Promise.all([limiter.limit("auth:email", "a@example.com"), limiter.limit("api:ip", "203.0.113.9")]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(auth).toMatchObject({ success: false, degraded: true });
    expect(api).toMatchObject({ success: true, degraded: true });
    expect(String(warn.mock.calls[0]?.[1]?.error)).toMatch(/within 50 ms/);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
