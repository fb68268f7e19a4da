import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every depth: two bodies that mean the same (keys in another
 * order, other whitespace, `1.0` for `1`) give the same text. Arrays keep their order, and
 * strings are compared as sent: they are different requests if their text differs.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  // undefined: a route that reads no body.
  return JSON.stringify(value) ?? "";
}

export type RequestShape = { method: string; path: string; query: URLSearchParams; body: unknown };

/**
 * What a repeat must match to be the same request: method, path (the org's slug and any ids in
 * it), query parameters in any order, and the body as canonical JSON. Hashed, so what is
 * stored says nothing about the request.
 */
export function requestFingerprint({ method, path, query, body }: RequestShape): string {
  const params = [...query.entries()].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  const canonical = canonicalJson([method.toUpperCase(), path, params, body ?? null]);
  return createHash("sha256").update(canonical).digest("hex");
}
