import { describe, expect, it } from "vitest";
import { parseOptions } from "./options";

const parse = (args: string[], env: Record<string, string | undefined> = {}) => parseOptions(args, env);

describe("bench options", () => {
  it("defaults to a run of about two minutes on Postgres", () => {
    expect(parse([])).toEqual({
      rows: 100_000,
      orgs: 100,
      connections: 50,
      warmup: 2,
      duration: 5,
      rounds: 1,
      routes: undefined,
      profile: false,
      smoke: false,
      browser: true,
      build: true,
      database: "postgres",
      port: 3600,
    });
  });

  it("shrinks everything for --smoke, and flags still win", () => {
    expect(parse(["--smoke"])).toMatchObject({ rows: 200, orgs: 2, connections: 10, warmup: 0, duration: 2, smoke: true });
    expect(parse(["--smoke", "--connections", "3"])).toMatchObject({ rows: 200, connections: 3 });
  });

  it("reads flags and the environment", () => {
    expect(
      parse(["--rows", "1000000", "--orgs", "1000", "--warmup", "5", "--duration", "20", "--profile", "--no-browser", "--no-build", "--routes", "list, search", "--rounds", "3"], {
        BENCH_DB: "pglite",
        BENCH_PORT: "3730",
      }),
    ).toMatchObject({ rows: 1_000_000, orgs: 1000, warmup: 5, duration: 20, profile: true, browser: false, build: false, routes: ["list", "search"], rounds: 3, database: "pglite", port: 3730 });
    expect(parse(["--help"])).toBe("help");
  });

  it.each([
    [["--rows", "20000", "--orgs", "1"], {}, "--rows above 10000 needs --orgs of 2 or more"],
    [["--rows", "10", "--orgs", "20"], {}, "--orgs cannot exceed --rows"],
    [["--duration", "0"], {}, "--duration must be at least 1 second"],
    [["--rounds", "0"], {}, "--rounds must be at least 1"],
    [["--rows", "many"], {}, "--rows must be a number"],
    [["--connections", "2.5"], {}, "--connections must be a whole number"],
    [["--routes", "list,everything"], {}, "--routes takes a comma-separated list"],
    [[], { BENCH_DB: "mysql" }, "BENCH_DB must be postgres or pglite"],
    [[], { BENCH_PORT: "80" }, "BENCH_PORT must be 1024 or above"],
  ])("refuses %j %j", (args, env, message) => {
    expect(() => parse(args, env)).toThrow(message);
  });

  it("refuses unknown flags", () => {
    expect(() => parse(["--rowz", "5"])).toThrow(/Unknown option '--rowz'/);
  });
});
