import { readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { DEFAULT_MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { importWithEnv } from "@/tests/support/import-with-env";

/**
 * The zero-setup default end to end: PGlite served over the wire protocol, migrated by
 * the runner, seeded, and used through the app's own Prisma client and `scoped()`, with
 * row-level security holding although every connection shares PGlite's one session.
 */

let dataDir: string;
let embedded: EmbeddedDatabase;
let app: Awaited<ReturnType<typeof loadApp>>;

/** The app's modules, imported with DATABASE_URL pointing at the embedded database. */
function loadApp(databaseUrl: string) {
  return importWithEnv({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "4" }, async () => ({
    ...(await import("@/lib/db/client")),
    ...(await import("@/lib/db/tenant-transaction")),
    ...(await import("@/prisma/seed")),
  }));
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: embedded.connectionString });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tenantkit-embedded-"));
  embedded = await startEmbeddedDatabase({ dataDir, port: 0 });
  app = await loadApp(embedded.connectionString);
});

afterAll(async () => {
  await app?.db.$disconnect();
  await embedded?.stop();
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe("embedded database (PGlite)", () => {
  it("is created in <DATA_DIR>/pglite and refuses a second server on the same folder", async () => {
    expect(embedded.created).toBe(true);
    expect(embedded.directory).toBe(path.join(dataDir, "pglite"));
    expect((await sql<{ version: string }>("SELECT version()"))[0]?.version).toMatch(/PGlite/);
    await expect(startEmbeddedDatabase({ dataDir, port: 0 })).rejects.toThrow(/in use by process/);
  });

  it("is migrated once by two concurrent runners, although advisory locks exclude nothing here", async () => {
    const [a, b] = await Promise.all([
      migrate({ connectionString: embedded.connectionString }),
      migrate({ connectionString: embedded.connectionString }),
    ]);
    expect([...a, ...b].sort()).toEqual(readdirSync(DEFAULT_MIGRATIONS_DIR).sort());
    expect(await migrate({ connectionString: embedded.connectionString })).toEqual([]);
  });

  it("is seeded once", async () => {
    expect(await app.seed(embedded.connectionString)).toBe(true);
    expect(await app.seed(embedded.connectionString)).toBe(false);
    const [acme] = await sql<{ id: string }>(`SELECT id FROM organizations WHERE slug = 'acme'`);
    expect(acme).toBeDefined();
  });

  it("confines a query without a where clause to the org the transaction is scoped to", async () => {
    const [acme] = await sql<{ id: string }>(`SELECT id FROM organizations WHERE slug = 'acme'`);
    const other = await app.db.organization.create({ data: { name: "Globex", slug: "globex" } });
    await app.scoped({ orgId: other.id }, (tx) => tx.project.createMany({ data: [{ orgId: other.id, name: "Globex secret" }] }));
    const orgIds = [acme!.id, other.id];

    const selectAll = (orgId: string) => app.scoped({ orgId }, (tx) => tx.$queryRaw<{ orgId: string }[]>`select * from projects`);
    expect((await selectAll(acme!.id)).map((p) => p.orgId)).toEqual(Array(8).fill(acme!.id));
    expect((await selectAll(other.id)).map((p) => p.orgId)).toEqual([other.id]);
    expect(await app.scoped({}, (tx) => tx.$queryRaw`select * from projects`)).toEqual([]);

    // Interleaved transactions for both orgs on the pool of 4 multiplexed connections.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => orgIds[i % 2]!).map(async (orgId) => ({ orgId, rows: await selectAll(orgId) })),
    );
    expect(results.flatMap(({ orgId, rows }) => rows.filter((r) => r.orgId !== orgId))).toEqual([]);

    await expect(
      app.scoped({ orgId: acme!.id }, (tx) => tx.project.create({ data: { orgId: other.id, name: "Smuggled" } })),
    ).rejects.toThrow(/row-level security/);
  });

  it("keeps its data across a restart", async () => {
    await app.db.$disconnect();
    await embedded.stop();
    embedded = await startEmbeddedDatabase({ dataDir, port: 0 });
    expect(embedded.created).toBe(false);
    expect(await sql<{ n: number }>(`SELECT count(*)::int AS n FROM projects`)).toEqual([{ n: 9 }]);
  });
});
