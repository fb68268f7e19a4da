import { describe, expect, it } from "vitest";
import { UsageAggregator, utcDay } from "./usage-aggregator";

const at = new Date("2026-11-30T23:59:59Z");
const sorted = (deltas: { orgId: string; day: string; metric: string; quantity: number }[]) => [...deltas].sort((a, b) => `${a.orgId}${a.day}${a.metric}`.localeCompare(`${b.orgId}${b.day}${b.metric}`));

describe("the usage aggregator", () => {
  it("keeps one entry per org, UTC day and metric, adding up the counts", () => {
    const usage = new UsageAggregator();
    usage.add("org_a", "api_calls", 1, at);
    usage.add("org_a", "api_calls", 4, at);
    usage.add("org_a", "projects_created", 1, at);
    usage.add("org_b", "api_calls", 2, at);
    usage.add("org_a", "api_calls", 1, new Date("2026-12-01T00:00:00Z"));
    expect(sorted(usage.drain())).toEqual([
      { orgId: "org_a", day: "2026-11-30", metric: "api_calls", quantity: 5 },
      { orgId: "org_a", day: "2026-11-30", metric: "projects_created", quantity: 1 },
      { orgId: "org_a", day: "2026-12-01", metric: "api_calls", quantity: 1 },
      { orgId: "org_b", day: "2026-11-30", metric: "api_calls", quantity: 2 },
    ]);
  });

  it("drains everything at once; what a failed flush puts back adds to what came in meanwhile", () => {
    const usage = new UsageAggregator();
    usage.add("org_a", "api_calls", 3, at);
    const flush = usage.drain();
    expect(usage.drain()).toEqual([]);
    usage.add("org_a", "api_calls", 2, at);
    usage.restore(flush);
    expect(usage.drain()).toEqual([{ orgId: "org_a", day: "2026-11-30", metric: "api_calls", quantity: 5 }]);
  });

  it("ignores counts that are not positive whole numbers", () => {
    const usage = new UsageAggregator();
    for (const quantity of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) usage.add("org_a", "api_calls", quantity, at);
    expect(usage.drain()).toEqual([]);
  });

  it("holds a bounded number of entries: known ones keep counting, new ones beyond the bound are dropped and counted", () => {
    const usage = new UsageAggregator(2);
    usage.add("org_a", "api_calls", 1, at);
    usage.add("org_b", "api_calls", 1, at);
    usage.add("org_c", "api_calls", 7, at);
    usage.add("org_a", "api_calls", 1, at);
    expect(usage.size).toBe(2);
    expect(usage.dropped).toBe(7);
    expect(sorted(usage.drain()).map((d) => [d.orgId, d.quantity])).toEqual([
      ["org_a", 2],
      ["org_b", 1],
    ]);
  });

  it("days are UTC days", () => {
    expect(utcDay(new Date("2026-11-30T23:30:00-05:00"))).toBe("2026-12-01");
  });
});
