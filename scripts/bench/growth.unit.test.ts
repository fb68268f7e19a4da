import { describe, expect, it } from "vitest";
import { p99Growth, parseGrowthOptions, roundOrder } from "./growth";

const parse = (...argv: string[]) => parseGrowthOptions(argv, {});

describe("parseGrowthOptions", () => {
  it("defaults to the issue's pair: 10 thousand rows in one org against a million in 1,000", () => {
    expect(parse()).toMatchObject({ smallRows: 10_000, largeRows: 1_000_000, largeOrgs: 1000, routes: ["list", "search", "get-one"], rounds: 4, connections: 50, warmup: 2, duration: 5, build: true, port: 3620 });
  });

  it("takes flags and BENCH_PORT", () => {
    expect(parseGrowthOptions(["--small-rows", "500", "--large-rows", "5000", "--large-orgs", "5", "--routes", "list,dashboard", "--rounds", "2", "--no-build"], { BENCH_PORT: "4100" })).toMatchObject({
      smallRows: 500,
      largeRows: 5000,
      largeOrgs: 5,
      routes: ["list", "dashboard"],
      rounds: 2,
      build: false,
      port: 4100,
    });
  });

  it("refuses what cannot be measured, naming the flag", () => {
    expect(() => parse("--small-rows", "20000")).toThrow(/--small-rows is at most 10000/);
    expect(() => parse("--large-rows", "10000")).toThrow(/--large-rows must be more than --small-rows/);
    expect(() => parse("--large-orgs", "1")).toThrow(/--large-orgs must be 2 or more/);
    expect(() => parse("--large-rows", "20000", "--large-orgs", "30000")).toThrow(/--large-orgs cannot exceed --large-rows/);
    expect(() => parse("--routes", "health-live")).toThrow(/--routes takes/);
    expect(() => parse("--rounds", "0")).toThrow(/--rounds must be at least 1/);
    expect(() => parse("--duration", "x")).toThrow(/--duration must be a number of seconds/);
    expect(() => parse("--bogus")).toThrow();
    expect(() => parseGrowthOptions([], { BENCH_PORT: "65534" })).toThrow(/BENCH_PORT/);
  });

  it("answers --help", () => {
    expect(parse("--help")).toBe("help");
  });
});

describe("roundOrder", () => {
  it("lets the two databases take turns at going first", () => {
    expect([0, 1, 2, 3].map(roundOrder)).toEqual([
      ["small", "large"],
      ["large", "small"],
      ["small", "large"],
      ["large", "small"],
    ]);
  });
});

describe("p99Growth", () => {
  it("is the large p99's growth over the small one, within 20% or not", () => {
    const at = (p99: number) => ({ p99 });
    expect(p99Growth(at(100), at(120))).toEqual({ growth: expect.closeTo(0.2, 10), within: true });
    expect(p99Growth(at(100), at(121)).within).toBe(false);
    expect(p99Growth(at(100), at(80))).toEqual({ growth: expect.closeTo(-0.2, 10), within: true });
  });
});
