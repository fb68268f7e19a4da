import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertWritePreconditions, conditionalResponse, entityTag, readConditions } from "./conditional";

const headers = (h: Record<string, string>) => new Headers(h);
const resource = { id: "p1", name: "Alpha", updatedAt: "2026-11-30T10:00:00.000Z" };
const tag = entityTag(resource);

function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : "other";
  }
  return undefined;
}

describe("entity tags", () => {
  it("are strong, quoted and follow the representation", () => {
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(entityTag({ ...resource })).toBe(tag);
    expect(entityTag({ ...resource, updatedAt: "2026-11-30T10:00:00.001Z" })).not.toBe(tag);
  });

  it("parse `*`, lists and weak tags, and refuse anything else", () => {
    expect(readConditions(headers({ "if-match": "*" }))).toEqual({ ifMatch: "*", ifNoneMatch: undefined });
    expect(readConditions(headers({ "if-none-match": `W/"a", "b" ,"c"` })).ifNoneMatch).toEqual([
      { weak: true, tag: '"a"' },
      { weak: false, tag: '"b"' },
      { weak: false, tag: '"c"' },
    ]);
    for (const bad of ["a", '"a', '"a" "b"', '*, "a"', 'w/"a"', '"a"b"']) expect(refusal(() => readConditions(headers({ "if-match": bad }))), bad).toBe("invalid_input");
  });
});

describe("preconditions", () => {
  it("If-Match compares strongly, If-None-Match weakly (RFC 9110 §8.8.3.2)", () => {
    expect(refusal(() => assertWritePreconditions({ ifMatch: [{ weak: false, tag }] }, resource))).toBeUndefined();
    expect(refusal(() => assertWritePreconditions({ ifMatch: [{ weak: true, tag }] }, resource))).toBe("precondition_failed");
    expect(refusal(() => assertWritePreconditions({ ifMatch: "*" }, resource))).toBeUndefined();
    expect(refusal(() => assertWritePreconditions({ ifNoneMatch: [{ weak: true, tag }] }, resource))).toBe("precondition_failed");
    expect(refusal(() => assertWritePreconditions({ ifNoneMatch: "*" }, resource))).toBe("precondition_failed");
  });

  it("leave a missing resource to the handler's 404", () => {
    expect(refusal(() => assertWritePreconditions({ ifMatch: "*" }, null))).toBeUndefined();
  });

  it("answer a matching read with a bodiless 304 that keeps the tag", async () => {
    const res = conditionalResponse(resource, undefined, { ifNoneMatch: [{ weak: true, tag }] }, true);
    expect(res.status).toBe(304);
    expect(res.headers.get("etag")).toBe(tag);
    expect(await res.text()).toBe("");
    const fresh = conditionalResponse(resource, undefined, { ifNoneMatch: [{ weak: false, tag: '"old"' }] }, true);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("etag")).toBe(tag);
    expect(refusal(() => conditionalResponse(resource, undefined, { ifMatch: [{ weak: false, tag: '"old"' }] }, true))).toBe("precondition_failed");
  });
});
