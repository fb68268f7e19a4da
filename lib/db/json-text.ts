/**
 * JSON that Postgres wrote (`row_to_json`), carried as text. A route answers it as it is
 * (api/handler.ts), so a page of rows is neither parsed into objects by `pg` nor serialised
 * again by `JSON.stringify`: measured on the projects list, that per-row work was about a fifth
 * of the request's CPU in the server. `T` is the shape the SQL writes, for callers that parse it.
 */
export class JsonText<T> {
  constructor(readonly text: string) {}

  parse(): T {
    return JSON.parse(this.text) as T;
  }
}

/**
 * A `timestamp(3)` column (UTC, as Prisma writes them) in SQL, formatted exactly as
 * `Date.toISOString()` formats it: `2026-11-30T09:05:00.000Z`.
 */
export const isoTimestampSql = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
