import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { installJobSchema } from "./job-schema";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, as Prisma's
 * `migrate deploy` would, without Prisma's native engine (which cannot be downloaded on
 * an offline machine). It keeps Prisma's `_prisma_migrations` table row for row, so
 * `prisma migrate status` and `migrate deploy` on a connected machine agree with it.
 *
 * Unlike Prisma, it runs each migration in its own transaction together with its
 * bookkeeping row: a failing migration leaves neither half-applied schema nor a failed
 * row behind, and can simply be fixed and re-run. (So a migration cannot contain
 * statements that refuse to run in a transaction, such as CREATE INDEX CONCURRENTLY.)
 *
 * After the app's migrations it installs the job queue's schema (lib/db/job-schema.ts), so
 * every caller (`npm run db:migrate`, the dev/start launchers, tests) gets both.
 */

/** Prisma's own migration lock key, so this runner and `prisma migrate` exclude each other too. */
export const MIGRATION_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export type MigrateOptions = {
  connectionString: string;
  migrationsDir?: string;
  log?: (message: string) => void;
};

type LocalMigration = { name: string; file: string; sql: string; checksum: string };

type AppliedRow = {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/** Prisma's DDL for its bookkeeping table (PostgreSQL flavour). */
const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

/** Returns the names of the migrations this call applied (empty when up to date). */
export async function migrate({
  connectionString,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
  log = () => {},
}: MigrateOptions): Promise<string[]> {
  const local = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  // A migration's RAISE WARNING is meant for whoever migrates (NOTICEs are IF NOT EXISTS chatter).
  client.on("notice", (notice) => {
    if (notice.severity === "WARNING") log(`Warning: ${notice.message}`);
  });
  await client.connect();
  try {
    await lock(client, log);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = (await client.query<AppliedRow>(`SELECT * FROM "_prisma_migrations" ORDER BY "started_at"`)).rows;
      const applied = checkHistory(local, rows, log);

      const done: string[] = [];
      for (const migration of local.filter((m) => !applied.has(m.name))) {
        log(`Applying ${migration.name}…`);
        if (await apply(client, migration)) done.push(migration.name);
        else log(`${migration.name} was applied by a concurrent run meanwhile.`);
      }
      await installJobSchema(client, connectionString, log);
      return done;
    } finally {
      // Closing the session releases the lock too; failing to unlock must not hide the real error.
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

/**
 * Session advisory lock: a second runner waits here and then finds nothing to do.
 *
 * On PGlite every connection shares the one embedded session, so the lock is granted to
 * all of them at once and excludes nothing. There the exclusion comes from `apply`:
 * PGlite runs one transaction at a time, and `apply` re-checks inside its transaction.
 */
async function lock(client: pg.Client, log: (message: string) => void): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${MIGRATION_LOCK_KEY}) AS locked`);
  if (rows[0]?.locked) return;
  log("Another migration run holds the lock; waiting for it to finish…");
  await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
}

/** Refuses to go on from a history that no longer matches the files; returns the applied names. */
function checkHistory(local: LocalMigration[], rows: AppliedRow[], log: (message: string) => void): Set<string> {
  const unfinished = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (unfinished) {
    throw new MigrationError(
      `Migration ${unfinished.migration_name} started at ${unfinished.started_at.toISOString()} but never finished. ` +
        `This runner never leaves such a row (it applies each migration in a transaction), so it comes from a ` +
        `\`prisma migrate deploy\` that failed or was interrupted, and its changes may be partly applied. ` +
        `Inspect the database and undo any partial changes, then mark the migration rolled back with\n` +
        `  UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "id" = '${unfinished.id}';\n` +
        `(or \`npx prisma migrate resolve --rolled-back ${unfinished.migration_name}\` on a connected machine) and run the migrations again.`,
    );
  }

  const byName = new Map(local.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.finished_at === null || row.rolled_back_at !== null) continue;
    applied.add(row.migration_name);
    const migration = byName.get(row.migration_name);
    if (!migration) {
      log(`Warning: migration ${row.migration_name} is applied to the database but missing from the migrations folder.`);
    } else if (!matchesChecksum(migration.sql, row.checksum)) {
      throw new MigrationError(
        `Migration ${row.migration_name} was modified after it was applied (database checksum ${row.checksum}, ` +
          `file checksum ${migration.checksum}). Applied migrations are history: restore the file ` +
          `(git checkout -- ${path.relative(process.cwd(), migration.file)}) and put the change in a new migration.`,
      );
    }
  }
  return applied;
}

/** Applies one migration and records it in the same transaction; false if another runner got there first. */
async function apply(client: pg.Client, migration: LocalMigration): Promise<boolean> {
  await client.query("BEGIN");
  try {
    // Redundant on Postgres (the advisory lock already excludes other runners); on PGlite
    // this is what keeps two runners from applying the same migration (see `lock`).
    const already = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = $1 AND "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      [migration.name],
    );
    if (already.rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query(migration.sql);
    // What Prisma records for a successful migration; Postgres migrations have one step.
    await client.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${describe(error, migration.sql)}`, { cause: error });
  }
}

async function readMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new MigrationError(`Cannot read the migrations folder ${dir}: ${describe(error)}`, { cause: error });
  });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const bytes = await readFile(file).catch((error: unknown) => {
        throw new MigrationError(`Migration ${name} has no readable migration.sql (${file}): ${describe(error)}`, { cause: error });
      });
      return { name, file, sql: bytes.toString("utf8"), checksum: sha256(bytes) };
    }),
  );
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Prisma also accepts the checksum of the file with the other line endings (git may convert them on checkout). */
function matchesChecksum(sql: string, checksum: string): boolean {
  return [sql, sql.replaceAll("\r\n", "\n"), sql.replaceAll("\n", "\r\n")].some((variant) => sha256(variant) === checksum);
}

/** Postgres errors carry a character position; a line number is what a reader of the file needs. */
function describe(error: unknown, sql?: string): string {
  if (!(error instanceof Error)) return String(error);
  const position = error instanceof pg.DatabaseError && error.position ? Number(error.position) : undefined;
  const line = sql && position ? ` (line ${sql.slice(0, position).split("\n").length})` : "";
  return `${error.message}${line}`;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}
