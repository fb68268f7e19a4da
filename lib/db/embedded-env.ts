/**
 * What the app needs set to run on the embedded PGlite: every pooled connection there shares
 * PGlite's one session, where a statement one connection prepared already exists under that name
 * when the next connection prepares it (lib/db/sql.ts, `prepared`). Set by `npm run dev` and
 * `npm start` for the embedded database, and by the tests and the bench when they use it.
 */
export const EMBEDDED_DATABASE_ENV = { DATABASE_PREPARED_STATEMENTS: "off" } as const;
