import { describe, expect, it } from "vitest";
import { afterCursorSql, keysetOrderSql } from "./keyset-page";
import { sqlValues } from "./sql";

const cursor = { createdAt: new Date("2026-01-02T03:04:05.678Z"), id: "ck" + "a1".repeat(12) };

describe("afterCursorSql", () => {
  it("is nothing without a cursor, and adds no value", () => {
    const { values, param } = sqlValues();
    expect(afterCursorSql(undefined, "desc", param, "p")).toBeUndefined();
    expect(values).toEqual([]);
  });

  it("sends the cursor as values, the time once as a UTC ISO string, after those already added", () => {
    const { values, param } = sqlValues();
    param("org");
    expect(afterCursorSql(cursor, "desc", param, "p")).toBe(`p."createdAt" <= $2 and (p."createdAt" < $2 or (p."createdAt" = $2 and p.id < $3))`);
    expect(values).toEqual(["org", "2026-01-02T03:04:05.678Z", cursor.id]);
  });

  it("turns every comparison around for ascending lists", () => {
    const { param } = sqlValues();
    expect(afterCursorSql(cursor, "asc", param, "m")).toBe(`m."createdAt" >= $1 and (m."createdAt" > $1 or (m."createdAt" = $1 and m.id > $2))`);
    expect(keysetOrderSql("asc", "m")).toBe(`m."createdAt" asc, m.id asc`);
  });
});
