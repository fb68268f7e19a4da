import { beforeAll, describe, expect, inject, it } from "vitest";
import type pg from "pg";
import { createPool, sqlTransaction, type EntryCall } from "@/lib/db/sql";
import { scopedSql } from "@/lib/db/tenant-transaction";
import { listProjects } from "@/lib/projects/service";
import { projectListQuerySchema } from "@/lib/projects/schemas";
import { orgWithTeam } from "../support/factories";

/**
 * Hot statements as named prepared statements (lib/db/sql.ts, `prepared`). The app's pool has
 * them on Postgres; on the embedded PGlite, whose connections share one session, they are off.
 */
const onPostgres = inject("dbMode") === "postgres";

type Prepared = { statement: string; generic_plans: string; custom_plans: string };
const preparedHere = "select statement, generic_plans::text, custom_plans::text from pg_prepared_statements";

let team: Awaited<ReturnType<typeof orgWithTeam>>;
beforeAll(async () => {
  team = await orgWithTeam("Prepared");
});

describe.runIf(onPostgres)("prepared statements on Postgres", () => {
  it("plans the list of projects once per connection and runs the kept plan from then on", async () => {
    // A pool of its own, so that no other test has run the statement on this connection.
    const pool = createPool({ connectionString: inject("appDatabaseUrl"), max: 1, timeoutMs: 2000, preparedStatements: true });
    try {
      // A filter, so that the statement has a value: one without any is planned once from the start.
      const query = projectListQuerySchema.parse({ status: "active" });
      const pages: string[] = [];
      // Each read is the last statement of its transaction (`last`): eight requests on one connection.
      for (let i = 0; i < 8; i++) {
        pages.push(
          (
            await sqlTransaction(pool, async (sql) => {
              await sql.call("app_enter_scope", [team.org.id, "", ""]);
              return listProjects(sql, query);
            })
          ).text,
        );
      }
      const prepared = await sqlTransaction(pool, (sql) => sql.rows<Prepared>(preparedHere));
      expect(new Set(pages).size).toBe(1);
      expect(JSON.parse(pages[0]!).data.length).toBe(team.projects.length);
      const list = prepared.filter((p) => p.statement.includes("from projects p") && p.statement.includes("order by"));
      expect(list).toHaveLength(1);
      // The LIMIT in the text: a plan kept for any limit would never be judged good enough to keep.
      expect(list[0]!.statement).toMatch(/limit 21(;|$)/);
      // Postgres plans the first five runs for their values, then keeps a plan for any org (sql.ts: scopedOrgSql).
      expect(list[0]).toMatchObject({ custom_plans: "5", generic_plans: "3" });
    } finally {
      await pool.end();
    }
  });

  it("sends the last statement of a transaction with its COMMIT, its values meaning exactly what was passed", async () => {
    const pool = createPool({ connectionString: inject("appDatabaseUrl"), max: 1, timeoutMs: 2000, preparedStatements: true });
    try {
      const hostile = ["a'b", "back\\slash", "'); select pg_sleep(10); --", "$1", "ünï €", ""];
      for (const value of hostile) {
        const [row] = await sqlTransaction(pool, (sql) => sql.rows<{ v: string; ok: boolean }>("select $1::text as v, $2::boolean as ok", [value, true], { prepared: true, last: true }));
        expect(row).toEqual({ v: value, ok: true });
      }
      await expect(
        sqlTransaction(pool, async (sql) => {
          await sql.rows("select 1", [], { prepared: true, last: true });
          return sql.rows("select 2");
        }),
      ).rejects.toThrow(/after the one marked last/);
      // Refused before anything is sent; the connection serves the next transaction.
      await expect(sqlTransaction(pool, (sql) => sql.rows("select $1::text as v", ["a\0b"], { prepared: true, last: true }))).rejects.toThrow(/NUL/);
      // The COMMIT went with it: a lock held until the transaction ends is free for another connection.
      const lock = String(Date.now());
      await sqlTransaction(pool, (sql) => sql.rows("select pg_advisory_xact_lock($1::bigint)", [lock], { prepared: true, last: true }));
      const other = createPool({ connectionString: inject("appDatabaseUrl"), max: 1, timeoutMs: 2000, preparedStatements: false });
      try {
        const [row] = await sqlTransaction(other, (sql) => sql.rows<{ free: boolean }>("select pg_try_advisory_xact_lock($1::bigint) as free", [lock]));
        expect(row).toEqual({ free: true });
      } finally {
        await other.end();
      }
    } finally {
      await pool.end();
    }
  });

  it("plans every search for its own text", async () => {
    const pool = createPool({ connectionString: inject("appDatabaseUrl"), max: 1, timeoutMs: 2000, preparedStatements: true });
    try {
      const opening: EntryCall = { fn: "app_enter_scope", args: [team.org.id, "", ""] };
      await sqlTransaction(pool, (sql) => listProjects(sql, projectListQuerySchema.parse({ q: "a" })), { opening });
      const prepared = await sqlTransaction(pool, (sql) => sql.rows<Prepared>(preparedHere));
      expect(prepared.filter((p) => p.statement.includes("ilike"))).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("names at most 200 texts per pool and runs the rest unnamed, answering all of them", async () => {
    const pool = createPool({ connectionString: inject("appDatabaseUrl"), max: 1, timeoutMs: 2000, preparedStatements: true });
    try {
      const { answers, count } = await sqlTransaction(pool, async (sql) => {
        const answers: number[] = [];
        for (let i = 0; i < 210; i++) answers.push((await sql.rows<{ n: number }>(`select ${i}::int as n`, [], { prepared: true }))[0]!.n);
        const [row] = await sql.rows<{ count: string }>("select count(*)::text as count from pg_prepared_statements");
        return { answers, count: Number(row!.count) };
      });
      expect(answers).toEqual(Array.from({ length: 210 }, (_, i) => i));
      expect(count).toBe(200);
    } finally {
      await pool.end();
    }
  });
});

/** The text of every message the pool's connections send. */
function recordMessages(pool: pg.Pool): string[] {
  const sent: string[] = [];
  const wrapped = new WeakSet<pg.PoolClient>();
  pool.on("acquire", (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const send = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      sent.push(typeof first === "string" ? first : (first as { text: string }).text);
      return send(...args);
    };
  });
  return sent;
}

describe("a transaction's opening entry (sqlTransaction's `opening`)", () => {
  const scopeTo = (orgId: string): EntryCall => ({ fn: "app_enter_scope", args: [orgId, "", ""] });
  const scopeRead = "select app_current_org_id() as org, current_user::text as role";

  it.runIf(onPostgres)("travels with BEGIN, a prepared last read and COMMIT in one message", async () => {
    const pool = createPool({ connectionString: inject("appDatabaseUrl"), max: 1, timeoutMs: 2000, preparedStatements: true });
    const sent = recordMessages(pool);
    try {
      for (let i = 0; i < 2; i++) {
        const rows = await sqlTransaction(pool, (sql) => sql.rows<{ org: string; role: string }>(scopeRead, [], { prepared: true, last: true }), { opening: scopeTo(team.org.id) });
        expect(rows).toEqual([{ org: team.org.id, role: "tenantkit_app" }]);
      }
      expect(sent).toHaveLength(2);
      expect(sent[0]).toMatch(/^begin; select \* from app_enter_scope\('[^']+', '', ''\); prepare \S+ as select .*; execute \S+; commit$/);
      expect(sent[1]).toMatch(/^begin; select \* from app_enter_scope\('[^']+', '', ''\); execute \S+; commit$/);
    } finally {
      await pool.end();
    }
  });

  it("goes with BEGIN ahead of any other first statement, and is not sent when nothing is", async () => {
    const pool = createPool({ connectionString: inject("appDatabaseUrl"), max: 1, timeoutMs: 2000, preparedStatements: false });
    const sent = recordMessages(pool);
    try {
      const rows = await sqlTransaction(pool, (sql) => sql.rows<{ org: string; role: string }>(scopeRead, [], { prepared: true, last: true }), { opening: scopeTo(team.org.id) });
      expect(rows).toEqual([{ org: team.org.id, role: "tenantkit_app" }]);
      expect(sent).toEqual([expect.stringMatching(/^begin; select \* from app_enter_scope\(/), scopeRead, "commit"]);
      sent.length = 0;
      expect(await sqlTransaction(pool, async () => "no statement", { opening: scopeTo(team.org.id) })).toBe("no statement");
      expect(sent).toEqual([]);
      // A NUL is refused before a connection is taken; the pool's one connection serves the next transaction.
      await expect(sqlTransaction(pool, (sql) => sql.rows(scopeRead), { opening: scopeTo("a\0b") })).rejects.toThrow(/NUL/);
      expect(await sqlTransaction(pool, (sql) => sql.rows(scopeRead), { opening: scopeTo(team.org.id) })).toEqual([{ org: team.org.id, role: "tenantkit_app" }]);
    } finally {
      await pool.end();
    }
  });
});

describe("the list's org filter", () => {
  it("reads the org the transaction is scoped to, and nothing when it is scoped to none", async () => {
    const other = await orgWithTeam("PreparedOther");
    const query = projectListQuerySchema.parse({});
    const ids = async (orgId: string) => (await scopedSql({ orgId }, (sql) => listProjects(sql, query))).parse().data.map((p) => p.id).sort();
    expect(await ids(other.org.id)).toEqual(other.projects.map((p) => p.id).sort());
    expect(await ids(team.org.id)).toEqual(team.projects.map((p) => p.id).sort());
    expect(await ids("")).toEqual([]);
  });
});

describe("prepared statements switched off", () => {
  it("sends every statement unnamed, on connections used at once", async () => {
    const pool = createPool({ connectionString: inject("appDatabaseUrl"), max: 2, timeoutMs: 2000, preparedStatements: false });
    try {
      const read = () => sqlTransaction(pool, async (sql) => (await sql.rows<{ n: number }>("select 7 as n", [], { prepared: true }))[0]!.n);
      expect(await Promise.all([read(), read(), read(), read()])).toEqual([7, 7, 7, 7]);
      // On PGlite the session, and so this view, is shared with whatever else prepared statements there.
      const ours = await sqlTransaction(pool, (sql) => sql.rows("select name from pg_prepared_statements where statement = 'select 7 as n'"));
      expect(ours).toEqual([]);
      // `last` holds without them too, though COMMIT then goes on its own.
      await expect(
        sqlTransaction(pool, async (sql) => {
          await sql.rows("select 1", [], { prepared: true, last: true });
          return sql.rows("select 2");
        }),
      ).rejects.toThrow(/after the one marked last/);
    } finally {
      await pool.end();
    }
  });
});
