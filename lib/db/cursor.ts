import { z } from "zod";
import { isBoundedDate } from "./bounded-date";

export type Cursor = { createdAt: Date; id: string };

/** Row ids are cuids (sessions: UUIDs); anything else in a cursor was not written by encodeCursor. */
const CURSOR_ID = /^(?:[a-z0-9]{20,40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** Exactly what `Date.toISOString()` prints for years 1–9999. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CURSOR_BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Opaque keyset cursor: the last row's (createdAt, id), matching the list's sort order. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
}

/**
 * A cursor comes back from the client, so it is input like any other: a forged one
 * (other base64, a date Postgres cannot hold, NUL or stray separators) is null here and
 * a 400 through cursorSchema, never a failed query.
 */
export function decodeCursor(raw: string): Cursor | null {
  if (!CURSOR_BASE64URL.test(raw)) return null;
  const parts = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (parts.length !== 2) return null;
  const [iso = "", id = ""] = parts;
  if (!CURSOR_TIME.test(iso) || !CURSOR_ID.test(id)) return null;
  const createdAt = new Date(iso);
  // The round trip rejects dates the pattern lets through but the calendar does not (02-30).
  if (!isBoundedDate(createdAt) || createdAt.toISOString() !== iso) return null;
  return { createdAt, id };
}

/** The `cursor` query parameter of keyset-paginated lists, decoded. */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((raw, ctx) => {
    const cursor = decodeCursor(raw);
    if (cursor) return cursor;
    ctx.issues.push({ code: "custom", message: "is not a valid cursor; start again without it", input: raw });
    return z.NEVER;
  });
