import { z } from "zod";
import { cursorSchema, encodeCursor, type Cursor } from "./cursor";
import { JsonText } from "./json-text";

export const MAX_PAGE_SIZE = 100;

/** `?cursor=&limit=` of a keyset-paginated list; a forged cursor is a 400 (cursor.ts). */
export function pageQuerySchema(defaultLimit: number) {
  return z.object({ cursor: cursorSchema.optional(), limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(defaultLimit) });
}

export type PageQuery = { cursor?: Cursor; limit: number };

/** The answer's schema for a page of `item`s (the OpenAPI document and the DTO types derive from it). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable().describe("Pass back as `cursor` for the next page; null on the last one.") });
}
export type Page<T> = { data: T[]; nextCursor: string | null };

/**
 * The rows after `cursor` in (createdAt, id) order, id breaking ties so no row is seen twice
 * or skipped. Spread into a `where`; the list must be ordered by the same two columns.
 *
 * The bare bound on createdAt says nothing the OR does not, but an index can start at it: from
 * the OR alone, an index scan in list order starts at the org's first row and filters its way
 * to the cursor, so every page costs more than the one before.
 */
export function afterCursor(cursor: Cursor | undefined, order: Direction) {
  if (!cursor) return {};
  const { createdAt, id } = cursor;
  if (order === "desc") return { AND: [{ createdAt: { lte: createdAt } }, { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] }] };
  return { AND: [{ createdAt: { gte: createdAt } }, { OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] }] };
}

type Direction = "asc" | "desc";

/**
 * afterCursor for SQL written by hand (sql.ts): the same condition and bare bound, on the
 * columns of `table`; `param` adds a value and returns its placeholder. Undefined without a cursor.
 */
export function afterCursorSql(cursor: Cursor | undefined, order: Direction, param: (value: unknown) => string, table: string): string | undefined {
  if (!cursor) return undefined;
  const at = param(cursor.createdAt.toISOString());
  const id = param(cursor.id);
  const [bound, past] = order === "desc" ? ["<=", "<"] : [">=", ">"];
  return `${table}."createdAt" ${bound} ${at} and (${table}."createdAt" ${past} ${at} or (${table}."createdAt" = ${at} and ${table}.id ${past} ${id}))`;
}

/** keysetOrder in SQL. */
export const keysetOrderSql = (order: Direction, table: string) => `${table}."createdAt" ${order}, ${table}.id ${order}`;

/** The `orderBy` that goes with afterCursor. */
export function keysetOrder(order: Direction): [{ createdAt: Direction }, { id: Direction }] {
  return [{ createdAt: order }, { id: order }];
}

/** `rows` fetched with `take: limit + 1`: the extra row only says whether another page follows. */
export function toPage<R extends Cursor, T>(rows: R[], limit: number, toDto: (row: R) => T): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map(toDto), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** A row of a page Postgres writes as JSON (json-text.ts): the item, and its keys for the cursor. */
export type JsonPageRow = { json: string; createdAt: string; id: string };

/**
 * toPage for rows whose items are JSON text, fetched with `limit + 1` the same way: the page's
 * body is their text joined, and only the last row's keys are read, for the cursor.
 * `createdAt` is `isoTimestampSql` of the column.
 */
export function toJsonPage<T>(rows: JsonPageRow[], limit: number): JsonText<Page<T>> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id }) : null;
  return new JsonText(`{"data":[${page.map((row) => row.json).join(",")}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}
