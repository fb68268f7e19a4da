import { describe, expect, it } from "vitest";
import { decodeCursor } from "./cursor";
import { afterCursorSql, keysetOrderSql, toJsonPage } from "./keyset-page";
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

describe("toJsonPage", () => {
  const row = (n: number) => ({ json: JSON.stringify({ n, text: `"quoted" ${n}` }), createdAt: `2026-01-0${n}T00:00:00.00${n}Z`, id: `ck${String(n).repeat(24)}` });

  it("joins the first `limit` items into the page's JSON, with the cursor of the last one shown", () => {
    const page = toJsonPage<{ n: number }>([row(3), row(2), row(1)], 2);
    const parsed = page.parse();
    expect(parsed.data).toEqual([{ n: 3, text: '"quoted" 3' }, { n: 2, text: '"quoted" 2' }]);
    expect(decodeCursor(parsed.nextCursor!)).toEqual({ createdAt: new Date("2026-01-02T00:00:00.002Z"), id: row(2).id });
  });

  it("has no cursor on the last page, and an empty page is valid JSON", () => {
    expect(toJsonPage([row(2), row(1)], 2).parse()).toEqual({ data: [{ n: 2, text: '"quoted" 2' }, { n: 1, text: '"quoted" 1' }], nextCursor: null });
    expect(toJsonPage([], 20).text).toBe('{"data":[],"nextCursor":null}');
  });
});
