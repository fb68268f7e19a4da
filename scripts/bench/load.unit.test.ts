import { describe, expect, it } from "vitest";
import { percentile } from "./load";

describe("percentile", () => {
  const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it("is the nearest rank", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 7, 9], 50)).toBe(7);
    expect(percentile([3, 7, 9], 99)).toBe(9);
  });

  it("takes the smallest value at 0 and is 0 for no values", () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([], 99)).toBe(0);
  });
});
