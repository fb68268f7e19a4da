import { Ratelimit } from "@upstash/ratelimit";
import { describe, expect, it } from "vitest";
import { API_RATES, limits, scaledTokens } from "./limits";

describe("rate limit table", () => {
  it("fails closed for every auth limit and open for every API limit", () => {
    for (const [name, rule] of Object.entries(limits)) {
      expect(rule.onStoreFailure, name).toBe(name.startsWith("auth:") ? "closed" : "open");
    }
  });

  it("has windows @upstash/ratelimit accepts and positive token counts", () => {
    for (const [name, rule] of Object.entries(limits)) {
      expect(rule.tokens, name).toBeGreaterThan(0);
      expect(() => Ratelimit.slidingWindow(rule.tokens, rule.window), name).not.toThrow();
    }
  });

  it("keeps the limits the product promises", () => {
    expect(limits["auth:ip"]).toMatchObject({ tokens: 20, window: "1 m" });
    expect(limits["auth:email"]).toMatchObject({ tokens: 5, window: "15 m" });
    expect(limits["api:unverified-ip"]).toMatchObject({ tokens: 600, window: "1 m" });
    expect(limits["invite:resend"]).toMatchObject({ tokens: 3, window: "1 h" });
  });
});

describe("API limits by plan", () => {
  const plans = Object.values(API_RATES);

  it("count up to the most generous plan's number, in fixed one-minute windows", () => {
    expect(limits["api:org:read"]).toMatchObject({ tokens: Math.max(...plans.map((p) => p.org.read)), window: "1 m", algorithm: "fixed" });
    expect(limits["api:caller:write"]).toMatchObject({ tokens: Math.max(...plans.map((p) => p.caller.write)), window: "1 m", algorithm: "fixed" });
  });

  it("leave every org room beyond one caller, and grow with the plan", () => {
    for (const rates of plans) {
      expect(rates.caller.read).toBeLessThan(rates.org.read);
      expect(rates.caller.write).toBeLessThan(rates.org.write);
    }
    expect(API_RATES.free.org.read).toBeLessThan(API_RATES.pro.org.read);
    expect(API_RATES.pro.org.read).toBeLessThan(API_RATES.enterprise.org.read);
    expect(API_RATES.free.caller.write).toBeLessThan(API_RATES.pro.caller.write);
  });
});

describe("scaledTokens", () => {
  it("multiplies and rounds down", () => {
    expect(scaledTokens(20, 1)).toBe(20);
    expect(scaledTokens(20, 10)).toBe(200);
    expect(scaledTokens(5, 1.5)).toBe(7);
  });

  it("never drops below one request per window", () => {
    expect(scaledTokens(5, 0.01)).toBe(1);
  });
});
