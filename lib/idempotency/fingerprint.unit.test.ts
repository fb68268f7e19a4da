import { describe, expect, it } from "vitest";
import { canonicalJson, requestFingerprint } from "./fingerprint";

const request = (body: unknown, over: Partial<{ method: string; path: string; query: string }> = {}) =>
  requestFingerprint({ method: over.method ?? "POST", path: over.path ?? "/api/v1/orgs/acme/projects", query: new URLSearchParams(over.query ?? ""), body });

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("gives the same text for bodies that parse to the same value", () => {
    const a = JSON.parse('{ "name" : "Alpha", "tags": ["x","y"], "n": 1.0 }');
    const b = JSON.parse('{"n":1,"tags":["x","y"],"name":"Alpha"}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("keeps strings exactly as sent, escapes included", () => {
    expect(canonicalJson({ s: 'a"b\u2028' })).toBe(JSON.stringify({ s: 'a"b\u2028' }));
    expect(canonicalJson("Alpha")).not.toBe(canonicalJson("alpha"));
    expect(canonicalJson("é")).not.toBe(canonicalJson("e\u0301"));
  });

  it("treats a key named __proto__ as an ordinary key", () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});

describe("requestFingerprint", () => {
  it("is the same for the same request written differently", () => {
    expect(request(JSON.parse('{"name":"A","description":"d"}'))).toBe(request(JSON.parse('{"description":"d", "name":"A"}')));
    expect(request(undefined, { query: "a=1&b=2" })).toBe(request(undefined, { query: "b=2&a=1" }));
    expect(request({ name: "A" }, { method: "post" })).toBe(request({ name: "A" }));
  });

  it("differs when the method, path, query or body differ", () => {
    const base = request({ name: "A" });
    expect(request({ name: "B" })).not.toBe(base);
    expect(request({ name: "A", extra: true })).not.toBe(base);
    expect(request({ name: "A" }, { path: "/api/v1/orgs/other/projects" })).not.toBe(base);
    expect(request({ name: "A" }, { method: "PATCH" })).not.toBe(base);
    expect(request({ name: "A" }, { query: "x=1" })).not.toBe(base);
    expect(request(["A"])).not.toBe(request("A"));
  });

  it("cannot be steered by a body that imitates the request line", () => {
    expect(request(undefined, { path: "/a" })).not.toBe(request("/a", { path: "" }));
  });

  it("is a SHA-256 hex digest", () => {
    expect(request({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
