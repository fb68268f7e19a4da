import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { poolRounds, type RoundMeasurement } from "./rounds";

function round(reqPerSec: number, baselineReqPerSec: number, latencies: number[], extra: Partial<LoadResult> = {}): RoundMeasurement {
  const seconds = 5;
  return {
    load: {
      seconds,
      requests: reqPerSec * seconds,
      answered: reqPerSec * seconds + 10,
      reqPerSec,
      latencyMs: { p50: 0, p95: 0, p99: 0, mean: 0, max: 0 },
      errors: 0,
      timeouts: 0,
      non2xx: 0,
      statusCodes: { "200": reqPerSec * seconds + 10 },
      ...extra,
    },
    latencies,
    cpuMs: { server: reqPerSec * seconds * 2, database: 100 },
    peakRssBytes: reqPerSec * 1_000_000,
    baselineReqPerSec,
  };
}

describe("poolRounds", () => {
  it("with one round, is that round: its rate, its latencies, its share of the baseline around it", () => {
    const pooled = poolRounds([round(100, 1000, [10, 20, 30, 40])]);
    expect(pooled.load.reqPerSec).toBe(100);
    expect(pooled.load.latencyMs).toMatchObject({ p50: 20, p99: 40, max: 40 });
    expect(pooled.shareOfBaseline).toBeCloseTo(0.1);
    expect(pooled.roundShares).toEqual([0.1]);
    expect(pooled.cpuMs).toEqual({ server: 1000, database: 100 });
  });

  it("pools counts, CPU time and latencies, and takes the median of the rounds' shares", () => {
    const pooled = poolRounds([
      round(100, 1000, [10, 10]),
      // A round during which something else ran: the route and the baseline both slowed.
      round(30, 500, [100, 100], { errors: 1, non2xx: 2, statusCodes: { "200": 150, "503": 2 } }),
      round(120, 1000, [12, 12]),
    ]);
    expect(pooled.load.requests).toBe(1250);
    expect(pooled.load.seconds).toBe(15);
    expect(pooled.load.reqPerSec).toBeCloseTo(1250 / 15);
    expect(pooled.load.latencyMs.max).toBe(100);
    expect(pooled.load.latencyMs.p50).toBe(12);
    expect([pooled.load.errors, pooled.load.non2xx]).toEqual([1, 2]);
    expect(pooled.load.statusCodes).toEqual({ "200": 510 + 150 + 610, "503": 2 });
    expect(pooled.cpuMs).toEqual({ server: 2500, database: 300 });
    expect(pooled.peakRssBytes).toBe(120_000_000);
    expect(pooled.roundShares.map((s) => Number(s.toFixed(2)))).toEqual([0.1, 0.06, 0.12]);
    expect(pooled.shareOfBaseline).toBeCloseTo(0.1);
    expect(pooled.baselineReqPerSec).toBeCloseTo(2500 / 3);
  });

  it("takes the lower middle share over an even number of rounds (nearest rank)", () => {
    expect(poolRounds([round(200, 1000, []), round(100, 1000, [])]).shareOfBaseline).toBeCloseTo(0.1);
  });

  it("refuses to pool nothing", () => {
    expect(() => poolRounds([])).toThrow(/at least one round/);
  });
});
