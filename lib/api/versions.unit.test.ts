import { describe, expect, it } from "vitest";
import { deprecationHeaders } from "./deprecation";
import { AppError } from "./errors";
import { API_VERSIONS, CURRENT_VERSION, requestedVersion } from "./versions";

describe("the version registry", () => {
  it("lists distinct dates in order, the last being current", () => {
    const dates = API_VERSIONS.map((v) => v.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(CURRENT_VERSION).toBe(dates.at(-1));
    for (const v of API_VERSIONS) expect(v.changes.length).toBeGreaterThan(0);
  });

  it("resolves the header: absent is current, a listed date is itself, anything else a 400", () => {
    expect(requestedVersion(null)).toBe(CURRENT_VERSION);
    expect(requestedVersion(` ${API_VERSIONS[0].date} `)).toBe(API_VERSIONS[0].date);
    for (const bad of ["", "2026-12-01", "2026-12-02T00:00:00Z", "latest", "2026-11-30,2026-12-02"]) {
      expect(() => requestedVersion(bad), bad).toThrow(AppError);
    }
  });
});

describe("deprecation headers", () => {
  it("use RFC 9745's @seconds and RFC 8594's HTTP-date", () => {
    expect(deprecationHeaders({ since: "2026-12-02T00:00:00Z", sunset: "2027-06-30T00:00:00Z" })).toEqual({
      deprecation: "@1796169600",
      sunset: "Wed, 30 Jun 2027 00:00:00 GMT",
      link: '</docs/api/changelog>; rel="deprecation"; type="text/html", </docs/api/changelog>; rel="sunset"; type="text/html"',
    });
    expect(deprecationHeaders({ since: "2026-12-02T00:00:00Z" })).not.toHaveProperty("sunset");
  });
});
