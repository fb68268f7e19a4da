import { randomBytes } from "node:crypto";

/**
 * Values an attacker sends instead of the input a route expects. `refused: "always"`
 * marks values no field may accept whatever its schema says (the generic input walk or
 * the body cap refuses them); the others are refused only where the field's own schema
 * refuses them, since a date-looking string or an emoji is a fine project name.
 */
export type Hostile = {
  label: string;
  refused: "always" | "by-schema";
  /** Refused by the input walk, whose 400 names the field (NUL, lone surrogates). */
  namesField?: true;
};

/** A JSON value, as JSON text: lone surrogates and 10k-deep nesting cannot go through JSON.stringify safely. */
export type HostileJson = Hostile & { json: string };

/** A URL component, already percent-encoded: invalid UTF-8 cannot be produced by encodeURIComponent. */
export type HostileUrlText = Hostile & { encoded: string };

const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64url");
const cuidLike = "c" + "a1".repeat(12);

/** Out-of-range and malformed dates, as text. */
export const HOSTILE_DATES = [
  "0000-01-01",
  "0000-12-31T23:59:59Z",
  "+300000-01-01",
  "300000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00Z",
  "0001-01-01T00:00:00+05:00",
  "9999-12-31T23:59:59-01:00",
  "2024-02-30",
  "2024-13-01",
];

/** Cursors nobody issued: base64 of garbage, of the right shape with wrong content, and not base64 at all. */
export const FORGED_CURSORS = [
  b64("garbage"),
  b64(randomBytes(120)),
  b64(`0000-01-01T00:00:00.000Z|${cuidLike}`),
  b64(`+275760-09-13T00:00:00.000Z|${cuidLike}`),
  b64(`2024-02-30T00:00:00.000Z|${cuidLike}`),
  b64(`2024-01-01T00:00:00.000Z|${cuidLike}\u0000`),
  b64(`2024-01-01T00:00:00.000Z|${cuidLike}|${cuidLike}`),
  b64(`2024-01-01T00:00:00.000Z|' OR 1=1 --`),
  b64(JSON.stringify({ createdAt: "2024-01-01", id: cuidLike })),
  "not base64 at all!",
  "====",
];

/** Text that is valid Unicode but spoofs, hides or widens: fine in free text, never in ids, slugs or enums. */
export const UNICODE_EDGES = [
  "\u202Eevil\u202C",
  "ad\u200Dmin",
  "\u200B",
  "\uFEFFowner",
  "😀",
  "👨‍👩‍👧‍👦",
  "ｏｗｎｅｒ",
  "e\u0301",
  "ǅ",
];

const WRONG_TYPES = ["12345", "-1", "1e308", "true", "false", "null", "{}", "[]", '[""]', '{"$gt":""}', '""'];

const jsonText = (label: string, text: string): HostileJson => ({ label, refused: "by-schema", json: JSON.stringify(text) });

/** For a body field. 1 MiB passes the 64 KiB cap (413); the rest fit under it. */
export function hostileJsonValues(): HostileJson[] {
  return [
    { label: "NUL", refused: "always", namesField: true, json: JSON.stringify("a\u0000b") },
    { label: "lone high surrogate", refused: "always", namesField: true, json: '"\\ud800"' },
    { label: "lone low surrogate", refused: "always", namesField: true, json: '"x\\udfffy"' },
    { label: "1 MiB string", refused: "always", json: JSON.stringify("x".repeat(1024 * 1024)) },
    { label: "10k-deep arrays", refused: "always", json: "[".repeat(10_000) + "]".repeat(10_000) },
    ...WRONG_TYPES.map((json) => ({ label: `wrong type ${json}`, refused: "by-schema" as const, json })),
    ...HOSTILE_DATES.map((d) => jsonText(`date ${d}`, d)),
    ...FORGED_CURSORS.map((c) => jsonText(`forged cursor ${c.slice(0, 24)}`, c)),
    ...UNICODE_EDGES.map((u) => jsonText(`unicode ${JSON.stringify(u)}`, u)),
  ];
}

/** For the whole body: arrays and scalars where an object is expected, and objects that are traps. */
export function hostileJsonBodies(): HostileJson[] {
  return [
    { label: "array for object", refused: "by-schema", json: "[]" },
    { label: "array of objects", refused: "by-schema", json: "[{}]" },
    { label: "string body", refused: "by-schema", json: '"text"' },
    { label: "null body", refused: "by-schema", json: "null" },
    { label: "number body", refused: "by-schema", json: "12" },
    { label: "empty object", refused: "by-schema", json: "{}" },
    { label: "__proto__ key", refused: "by-schema", json: '{"__proto__":{"role":"owner","isAdmin":true}}' },
    { label: "NUL in a key", refused: "always", json: '{"na\\u0000me":"x"}' },
    { label: "lone surrogate in a key", refused: "always", json: '{"\\udc00":"x"}' },
    // 10k levels of {"a": …}: about 60 KB, under the cap, so the depth check has to catch it.
    { label: "10k-deep objects", refused: "always", json: '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000) },
  ];
}

const url = (label: string, text: string): HostileUrlText => ({ label, refused: "by-schema", encoded: encodeURIComponent(text) });

/**
 * For a query parameter or a path segment. URLs stay under Node's 16 KiB header limit
 * (a longer one is refused by Node before the app, with no body to check), and a lone
 * surrogate can only be sent as invalid UTF-8, which the server decodes to U+FFFD.
 */
export function hostileUrlValues(): HostileUrlText[] {
  return [
    { label: "NUL", refused: "always", namesField: true, encoded: "a%00b" },
    { label: "8 KiB string", refused: "always", encoded: "x".repeat(8 * 1024) },
    { label: "CESU-8 lone surrogate", refused: "by-schema", encoded: "%ED%A0%80" },
    { label: "overlong slash", refused: "by-schema", encoded: "%C0%AF" },
    { label: "truncated UTF-8", refused: "by-schema", encoded: "%F0%9F" },
    { label: "encoded slash", refused: "by-schema", encoded: "a%2Fb" },
    { label: "bad percent escape", refused: "by-schema", encoded: "%zz" },
    ...["abc", "-1", "1.5", "1e400", "Infinity", "NaN", "0x10", "[]", "{}", "true", "null"].map((t) => url(`wrong type ${t}`, t)),
    ...HOSTILE_DATES.map((d) => url(`date ${d}`, d)),
    ...FORGED_CURSORS.map((c) => url(`forged cursor ${c.slice(0, 24)}`, c)),
    ...UNICODE_EDGES.map((u) => url(`unicode ${JSON.stringify(u)}`, u)),
  ];
}

/** What the server sees for an encoded URL component (URLSearchParams decodes like Next). */
export function decodedUrlText(encoded: string): string {
  return new URLSearchParams(`v=${encoded}`).get("v") ?? "";
}
