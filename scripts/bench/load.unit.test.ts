import { describe, expect, it } from "vitest";
import { inWindow, percentile, summariseLatencies } from "./load";

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

describe("inWindow", () => {
  const window = { openedAt: 2000, closedAt: 7000 };

  it("counts an answer received in the window, with its latency when its request was sent in it too", () => {
    expect(inWindow(2500, 400, window)).toBe("with its latency");
    expect(inWindow(2000, 0, window)).toBe("with its latency");
  });

  it("leaves the latency of a request sent during the warm-up out, but counts its answer in the rate", () => {
    expect(inWindow(2500, 2400, window)).toBe("in the rate");
  });

  it("leaves out answers received before the window opens or once it has closed", () => {
    expect(inWindow(1999, 10, window)).toBe("no");
    expect(inWindow(7000, 10, window)).toBe("no");
  });
});

describe("summariseLatencies", () => {
  it("sorts before taking percentiles, so latencies pooled from several runs can come in any order", () => {
    const one = Array.from({ length: 50 }, (_, i) => i + 1);
    const two = Array.from({ length: 50 }, (_, i) => i + 51);
    expect(summariseLatencies([...two, ...one])).toEqual({ p50: 50, p95: 95, p99: 99, mean: 50.5, max: 100 });
    expect(summariseLatencies([])).toEqual({ p50: 0, p95: 0, p99: 0, mean: 0, max: 0 });
  });
});
