import { createHash, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";

// Throwaway databases on the local server, created and dropped here as the superuser.
const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The project's own migrations, in the order the runner applies them. */
const REPO_MIGRATIONS = readdirSync(DEFAULT_MIGRATIONS_DIR).sort();

const admin = new pg.Client({ connectionString: ADMIN_URL });
const databases: string[] = [];
let scratch: string;

async function freshDatabase(): Promise<string> {
  const name = `tenantkit_migrate_${randomBytes(6).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  databases.push(name);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A copy of the real migrations plus `extra` ones, to modify without touching the repo. */
async function migrationsCopy(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, "migrations-"));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function history(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
    return rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin.connect();
  scratch = await mkdtemp(path.join(tmpdir(), "tenantkit-migrate-"));
});

afterAll(async () => {
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await rm(scratch, { recursive: true, force: true });
});

describe("migration runner (PostgreSQL)", () => {
  it("applies every migration once, records it as Prisma does, and then has nothing to do", async () => {
    const url = await freshDatabase();
    const dir = await migrationsCopy({ "29990101000000_add_archived_note": `ALTER TABLE "projects" ADD COLUMN "archivedNote" TEXT;` });

    const applied = await migrate({ connectionString: url, migrationsDir: dir });
    expect(applied).toEqual([...REPO_MIGRATIONS, "29990101000000_add_archived_note"]);

    const rows = await history(url);
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const row of rows) {
      const file = await readFile(path.join(dir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }

    expect(await migrate({ connectionString: url, migrationsDir: dir })).toEqual([]);
    expect(await history(url)).toHaveLength(REPO_MIGRATIONS.length + 1);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    const url = await freshDatabase();
    const dir = await migrationsCopy();
    await migrate({ connectionString: url, migrationsDir: dir });

    await appendFile(path.join(dir, "20261125000000_init", "migration.sql"), "\n-- an afterthought\n");
    await expect(migrate({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      /20261125000000_init was modified after it was applied/,
    );
  });

  it("accepts the same file checked out with Windows line endings, as Prisma does", async () => {
    const url = await freshDatabase();
    const dir = await migrationsCopy();
    await migrate({ connectionString: url, migrationsDir: dir });

    const file = path.join(dir, "20261125000000_init", "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));
    expect(await migrate({ connectionString: url, migrationsDir: dir })).toEqual([]);
  });

  it("refuses to run after an unfinished migration, naming it", async () => {
    const url = await freshDatabase();
    await migrate({ connectionString: url });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // What `prisma migrate deploy` leaves behind when a migration fails halfway.
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('interrupted', 'x', '20261201000000_half_done')`,
    );
    await client.end();

    await expect(migrate({ connectionString: url })).rejects.toThrow(/20261201000000_half_done .*never finished/);
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const url = await freshDatabase();
    const dir = await migrationsCopy({
      "29990101000000_broken": `CREATE TABLE "half_done" (id int);\n\nSELECT no_such_column FROM "half_done";\n`,
    });

    await expect(migrate({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken failed and was rolled back: column "no_such_column" does not exist \(line 3\)/,
    );
    expect((await history(url)).map((r) => r.migration_name)).toEqual(REPO_MIGRATIONS);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ table: string | null }>(`SELECT to_regclass('half_done')::text AS table`);
    await client.end();
    expect(rows[0]?.table).toBeNull();
  });

  it("migrates as a database owner that is no superuser, as hosted Postgres has, and passes on warnings", async () => {
    // Like a hosted service's admin role: may create roles and administer the app's ones.
    await admin.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tenantkit_test_owner') THEN
          CREATE ROLE tenantkit_test_owner LOGIN CREATEROLE NOSUPERUSER;
        END IF; END $$`);
    await admin.query(`GRANT tenantkit_app, tenantkit_auth, tenantkit_worker TO tenantkit_test_owner WITH ADMIN OPTION`);
    const url = new URL(await freshDatabase());
    await admin.query(`ALTER DATABASE ${url.pathname.slice(1)} OWNER TO tenantkit_test_owner`);
    url.username = "tenantkit_test_owner";

    const log: string[] = [];
    expect(await migrate({ connectionString: url.toString(), log: (m) => log.push(m) })).toEqual(REPO_MIGRATIONS);
    // Search works there, without its index under row-level security (20261203010000_project_search).
    expect(log).toContainEqual(expect.stringMatching(/^Warning: Project search will not use its index/));
    expect(log.filter((m) => m.startsWith("Warning:"))).toHaveLength(1);
  });

  it("lets two concurrent runners apply each migration exactly once", async () => {
    const url = await freshDatabase();
    const dir = await migrationsCopy({
      "29990101000000_second": `CREATE TABLE "second" (id int);`,
      "29990102000000_third": `CREATE TABLE "third" (id int);`,
    });

    // allSettled: a runner that fails must not leave the other running into afterAll's DROP.
    const results = await Promise.allSettled([
      migrate({ connectionString: url, migrationsDir: dir }),
      migrate({ connectionString: url, migrationsDir: dir }),
    ]);
    const applied = results.flatMap((r) => {
      if (r.status === "rejected") throw r.reason;
      return r.value;
    });

    const expected = [...REPO_MIGRATIONS, "29990101000000_second", "29990102000000_third"];
    expect(applied.sort()).toEqual(expected);
    expect((await history(url)).map((r) => r.migration_name)).toEqual(expected);
  });
});
