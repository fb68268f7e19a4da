import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";

let dataDir: string;
let embedded: EmbeddedDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tenantkit-embedded-concurrency-"));
  embedded = await startEmbeddedDatabase({ dataDir, port: 0 });
  pool = new pg.Pool({ connectionString: embedded.connectionString, max: 12 });
});

afterAll(async () => {
  await pool.end();
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("embedded database under concurrent connections", () => {
  it("never mixes one connection's extended-protocol messages with another's", async () => {
    // Large parameters split messages across TCP reads, which is when interleaving bit.
    const big = "x".repeat(200_000);
    const shapes = [
      (i: number) => pool.query<{ v: string }>("select $1::text as v", [`a${i}`]).then((r) => r.rows[0]?.v === `a${i}`),
      (i: number) => pool.query<{ v: number }>("select $1::int + $2::int as v", [i, 1]).then((r) => r.rows[0]?.v === i + 1),
      (i: number) => pool.query<{ v: number }>("select length($1::text) + $2::int + $3::int as v", [big, i, 0]).then((r) => r.rows[0]?.v === big.length + i),
      async (i: number) => {
        const client = await pool.connect();
        try {
          await client.query("begin");
          await client.query("select set_config('app.org_id', $1, true)", [`org${i}`]);
          const { rows } = await client.query<{ v: string }>("select current_setting('app.org_id') as v");
          await client.query("commit");
          return rows[0]?.v === `org${i}`;
        } finally {
          client.release();
        }
      },
    ];
    const results = await Promise.all(Array.from({ length: 400 }, (_, i) => shapes[i % shapes.length]!(i)));
    expect(results.filter((ok) => !ok)).toHaveLength(0);
  });
});
