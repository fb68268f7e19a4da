import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPool, PoolExhaustedError, sqlOf, sqlTransaction } from "@/lib/db/sql";
import { scoped, scopedSql } from "@/lib/db/tenant-transaction";
import { orgWithTeam } from "../support/factories";

/** The request transaction without Prisma (lib/db/sql.ts) against the real database. */

let team: Awaited<ReturnType<typeof orgWithTeam>>;
beforeAll(async () => {
  team = await orgWithTeam("SqlTx");
});

const projectNames = () => scopedSql({ orgId: team.org.id }, (sql) => sql.rows<{ name: string }>(`select name from projects where "orgId" = $1 order by name`, [team.org.id]));

describe("sqlTransaction", () => {
  it("commits what the function wrote", async () => {
    await scopedSql({ orgId: team.org.id }, (sql) => sql.rows(`insert into projects (id, "orgId", name, "updatedAt") values ('sqltxcommitted0000000001', $1, 'Committed', now())`, [team.org.id]));
    expect((await projectNames()).map((p) => p.name)).toContain("Committed");
  });

  it("rolls back everything when the function throws, and the connection serves the next request", async () => {
    await expect(
      scopedSql({ orgId: team.org.id }, async (sql) => {
        await sql.rows(`insert into projects (id, "orgId", name, "updatedAt") values ('sqltxrolledback000000001', $1, 'Rolled back', now())`, [team.org.id]);
        throw new Error("after the write");
      }),
    ).rejects.toThrow("after the write");
    expect((await projectNames()).map((p) => p.name)).not.toContain("Rolled back");
    await expect(scopedSql({}, (sql) => sql.rows("select 1"))).resolves.toHaveLength(1);
  });

  it("runs as the RLS-bound role, scoped to the org: another org's rows are invisible", async () => {
    const other = await orgWithTeam("SqlTxOther");
    const seen = await scopedSql({ orgId: team.org.id }, (sql) => sql.rows<{ id: string }>(`select id from projects where "orgId" = $1`, [other.org.id]));
    expect(seen).toEqual([]);
    const role = await scopedSql({ orgId: team.org.id }, (sql) => sql.rows<{ role: string }>("select current_user as role"));
    expect(role[0]!.role).toBe("tenantkit_app");
  });

  it("reads Prisma's timestamp columns as the same instants Prisma reads, whatever the process's time zone", async () => {
    const id = team.projects[0]!.id;
    const query = `select "createdAt" from projects where id = $1`;
    const [viaPrisma] = await scoped({ orgId: team.org.id }, (tx) => sqlOf(tx).rows<{ createdAt: Date }>(query, [id]));
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    const [viaPg] = await scopedSql({ orgId: team.org.id }, (sql) => sql.rows<{ createdAt: Date }>(query, [id])).finally(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    expect(viaPg!.createdAt).toBeInstanceOf(Date);
    expect(viaPg!.createdAt.toISOString()).toBe(viaPrisma!.createdAt.toISOString());
  });

  it("sends the opening statement's arguments as literals that mean exactly what was passed", async () => {
    const hostile = ["a'b", "back\\slash", "'); select pg_sleep(10); --", "$1", "ünï €"];
    for (const value of hostile) {
      const [row] = await scopedSql({ orgId: value, userId: `${value}-u` }, (sql) => sql.rows<{ org: string; user: string }>("select current_setting('app.org_id') as org, current_setting('app.user_id') as user"));
      expect(row).toEqual({ org: value, user: `${value}-u` });
    }
  });

  it("refuses a NUL byte in the opening statement's arguments, sending nothing", async () => {
    await expect(scopedSql({ orgId: "a\0b" }, (sql) => sql.rows("select 1"))).rejects.toThrow(/NUL/);
    await expect(scopedSql({}, (sql) => sql.rows("select 1"))).resolves.toHaveLength(1);
  });

  it("gives up with PoolExhaustedError when no connection comes free in time, having run nothing", async () => {
    const tiny = createPool({ connectionString: inject("appDatabaseUrl"), max: 1, timeoutMs: 200, preparedStatements: false });
    try {
      let release!: () => void;
      const held = sqlTransaction(tiny, () => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((r) => setTimeout(r, 50));
      let ran = false;
      await expect(sqlTransaction(tiny, async () => (ran = true))).rejects.toBeInstanceOf(PoolExhaustedError);
      expect(ran).toBe(false);
      release();
      await held;
    } finally {
      await tiny.end();
    }
  });
});

afterAll(async () => {
  await scopedSql({ orgId: team.org.id }, (sql) => sql.rows(`delete from projects where id like 'sqltx%'`));
});
