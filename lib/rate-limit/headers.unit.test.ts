import { describe, expect, it } from "vitest";
import { rateLimitHeaders } from "./headers";

const now = 1_700_000_000_000;

describe("rateLimitHeaders", () => {
  it("reports limit, remaining and seconds until reset on an allowed request", () => {
    const headers = rateLimitHeaders({ success: true, limit: 20, remaining: 7, reset: now + 12_300, degraded: false }, now);
    expect(headers).toEqual({ "RateLimit-Limit": "20", "RateLimit-Remaining": "7", "RateLimit-Reset": "13" });
  });

  it("adds Retry-After on a denied request", () => {
    const headers = rateLimitHeaders({ success: false, limit: 5, remaining: 0, reset: now + 61_000, degraded: false }, now);
    expect(headers).toEqual({
      "RateLimit-Limit": "5",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "61",
      "Retry-After": "61",
    });
  });

  it("never tells a denied client to retry after 0 seconds", () => {
    const headers = rateLimitHeaders({ success: false, limit: 5, remaining: 0, reset: now - 5, degraded: false }, now);
    expect(headers["RateLimit-Reset"]).toBe("0");
    expect(headers["Retry-After"]).toBe("1");
  });

  it("invents no counts when the store failed", () => {
    expect(rateLimitHeaders({ success: true, limit: 600, remaining: 600, reset: now, degraded: true }, now)).toEqual({});
    expect(rateLimitHeaders({ success: false, limit: 20, remaining: 0, reset: now + 10_000, degraded: true }, now)).toEqual({
      "Retry-After": "10",
    });
  });
});
