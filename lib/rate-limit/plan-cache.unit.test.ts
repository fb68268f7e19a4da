import { describe, expect, it } from "vitest";
import { createPlanCache } from "./plan-cache";

describe("plan cache", () => {
  it("remembers a plan for its lifetime, and each answer renews it", () => {
    let now = 0;
    const cache = createPlanCache({ ttlMs: 60_000, maxEntries: 10, now: () => now });
    expect(cache.get("acme:user:u1")).toBeUndefined();
    cache.set("acme:user:u1", "free");
    now = 59_999;
    expect(cache.get("acme:user:u1")).toBe("free");
    cache.set("acme:user:u1", "pro");
    now = 100_000;
    expect(cache.get("acme:user:u1")).toBe("pro");
    now = 119_999 + 1;
    expect(cache.get("acme:user:u1")).toBeUndefined();
  });

  it("drops the least recently answered caller when full", () => {
    const cache = createPlanCache({ ttlMs: 60_000, maxEntries: 2, now: () => 0 });
    cache.set("a", "free");
    cache.set("b", "pro");
    cache.set("a", "free");
    cache.set("c", "enterprise");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["free", undefined, "enterprise"]);
  });
});

describe("plan cache: refusals", () => {
  it("remembers a refusal of a remembered caller until its window ends, across new answers", () => {
    let now = 0;
    const cache = createPlanCache({ ttlMs: 60_000, maxEntries: 10, now: () => now });
    cache.set("k", "free");
    expect(cache.refusing("k")).toBe(false);
    cache.refused("k", 30_000);
    cache.set("k", "pro");
    now = 29_999;
    expect(cache.refusing("k")).toBe(true);
    now = 30_000;
    expect(cache.refusing("k")).toBe(false);
    expect(cache.get("k")).toBe("pro");
  });

  it("keeps the later of two windows, and forgets a refusal with its caller", () => {
    let now = 0;
    const cache = createPlanCache({ ttlMs: 10_000, maxEntries: 10, now: () => now });
    cache.refused("stranger", 60_000);
    expect(cache.refusing("stranger")).toBe(false);
    cache.set("k", "free");
    cache.refused("k", 60_000);
    cache.refused("k", 20_000);
    now = 9_999;
    expect(cache.refusing("k")).toBe(true);
    now = 10_000;
    expect(cache.refusing("k")).toBe(false);
  });
});
