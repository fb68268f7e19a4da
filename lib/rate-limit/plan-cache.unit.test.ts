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
