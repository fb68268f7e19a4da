import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-policy";

describe("retryDelayMs", () => {
  it("waits five times longer after each failure, from the base", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 60_000, middle))).toEqual([60_000, 300_000, 1_500_000, 7_500_000, 37_500_000]);
  });

  it("spreads each wait by ±20%", () => {
    expect(retryDelayMs(2, 1000, () => 0)).toBe(4000);
    expect(retryDelayMs(2, 1000, () => 0.999999)).toBe(6000);
  });

  it("covers hours with the default six attempts", () => {
    const total = [1, 2, 3, 4, 5].reduce((sum, n) => sum + retryDelayMs(n, 60_000, () => 0.5), 0);
    expect(total / 3_600_000).toBeGreaterThan(12);
  });
});
