import { describe, expect, it } from "vitest";
import { auditListQuerySchema, createdAtRange } from "./schemas";

describe("audit list query", () => {
  it("treats blank parameters as absent and defaults the page size", () => {
    expect(auditListQuerySchema.parse({ action: "", actor: " ", from: "" })).toEqual({ limit: 50 });
  });

  it("rejects unknown actions, malformed dates and a range that ends before it starts", () => {
    expect(auditListQuerySchema.safeParse({ action: "project.exploded" }).success).toBe(false);
    expect(auditListQuerySchema.safeParse({ from: "31/01/2026" }).success).toBe(false);
    const reversed = auditListQuerySchema.safeParse({ from: "2026-02-02", to: "2026-02-01" });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.path).toEqual(["to"]);
    expect(auditListQuerySchema.safeParse({ from: "2026-02-01", to: "2026-02-01" }).success).toBe(true);
  });

  it("rejects dates Postgres cannot hold and forged cursors, naming the field", () => {
    for (const from of ["0000-01-01", "+300000-01-01", "+275760-09-13T00:00:00.000Z"]) {
      expect(auditListQuerySchema.safeParse({ from }).error?.issues[0]?.path, from).toEqual(["from"]);
    }
    expect(auditListQuerySchema.safeParse({ cursor: Buffer.from("0000-01-01T00:00:00.000Z|x").toString("base64url") }).error?.issues[0]?.path).toEqual(["cursor"]);
  });
});

describe("createdAtRange", () => {
  it("covers whole UTC days for dates", () => {
    expect(createdAtRange({ from: "2026-02-01", to: "2026-02-01" })).toEqual({
      gte: new Date("2026-02-01T00:00:00.000Z"),
      lt: new Date("2026-02-02T00:00:00.000Z"),
    });
  });

  it("uses exact instants, `to` included, for date-times", () => {
    expect(createdAtRange({ to: "2026-02-01T10:00:00+02:00" })).toEqual({ lt: new Date("2026-02-01T08:00:00.001Z") });
  });

  it("is absent without bounds", () => {
    expect(createdAtRange({})).toBeUndefined();
  });
});
