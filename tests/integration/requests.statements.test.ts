import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db/client";
import { startAppServer, type AppServer } from "../support/app-server";
import { orgWithTeam } from "../support/factories";
import { sessionCookie } from "../support/http";
import { isJobWorkerPolling, startStatementCounter, type StatementCounter } from "../support/pg-statement-counter";
import { freePort } from "../support/second-app-server";
import { TEST_SECRET } from "../support/test-config";
import { createKey } from "./api-keys.support";

/**
 * Round trips per request, counted where Postgres receives them: a second server of the same
 * build talks to the database through a counting proxy. Usage flushes run on timers, not for
 * any one request, so they are left out like the job worker's polling.
 */
const background = (sql: string) => isJobWorkerPolling(sql) || /app_record_usage/.test(sql);

let counter: StatementCounter;
let server: AppServer;
let team: Awaited<ReturnType<typeof orgWithTeam>>;
let cookie: string;
let key: string;

beforeAll(async () => {
  counter = await startStatementCounter({ targetUrl: inject("appDatabaseUrl"), ignore: background });
  server = await startAppServer({ port: await freePort(), databaseUrl: counter.url, dataDir: inject("dataDir"), secret: TEST_SECRET });
  team = await orgWithTeam("Counted");
  await db.organization.update({ where: { id: team.org.id }, data: { plan: "pro" } });
  cookie = await sessionCookie(team.team.owner);
  key = (await createKey(team.team.owner, team.org.slug, { name: "Counted", role: "read_only" })).key;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await counter?.stop();
});

/** The statements Postgres received for one request, after a first one has warmed the route. */
async function statementsOf(path: string, headers: Record<string, string>) {
  const send = async () => {
    const res = await fetch(`${server.baseUrl}${path}`, { headers, redirect: "manual" });
    await res.arrayBuffer();
    return res.status;
  };
  expect(await send()).toBe(200);
  counter.reset();
  expect(await send()).toBe(200);
  return counter.statements().map((s) => s.sql.replace(/\s+/g, " ").trim());
}

const projects = () => `/api/v1/orgs/${team.org.slug}/projects`;

/**
 * With prepared statements (Postgres; lib/db/sql.ts) a read's last statement travels with its
 * COMMIT as EXECUTE of the statement prepared in SQL (PREPARE too, the first time on a connection).
 * The embedded PGlite runs without them: the statement, then COMMIT.
 */
const prepared = inject("dbMode") === "postgres";
const lastWithCommit = /^(BEGIN; select \* from app_enter_(scope|as_member)\(.*\); )?(prepare \S+ as select .*; )?execute \S+(\(.*\))?; commit$/i;

function expectReadThenCommit(sql: string[]) {
  if (prepared) {
    expect(sql.at(-1)).toMatch(lastWithCommit);
  } else {
    expect(sql.at(-2)).toMatch(/from projects/i);
    // createdBy comes in the same query as the projects (a join), not in a second one.
    expect(sql.at(-2)).toMatch(/join/i);
    expect(sql.at(-1)).toMatch(/^COMMIT/i);
  }
}

describe("a tenant API request", () => {
  it.each([
    ["the list", () => projects()],
    ["one project", () => `${projects()}/${team.projects[0]!.id}`],
  ])("is one transaction of four statements in one round trip (three without prepared statements) with a session cookie: %s", async (_, path) => {
    const sql = await statementsOf(path(), { cookie });
    expect(sql, sql.join("\n")).toHaveLength(prepared ? 1 : 3);
    // BEGIN travels in one message with the statement that enters the org, and with prepared
    // statements the read and COMMIT go with them (lib/db/sql.ts, readAfterEntry).
    expect(sql[0]).toMatch(/^BEGIN; select \* from app_enter_as_member\(/i);
    if (prepared) expect(sql[0]).toMatch(/app_enter_as_member\([^;]*\); (prepare \S+ as select .*; )?execute \S+(\(.*\))?; commit$/i);
    expectReadThenCommit(sql);
  });

  it("is one transaction of four statements in three round trips for a search, planned for its text", async () => {
    const sql = await statementsOf(`${projects()}?q=Alpha`, { cookie });
    expect(sql, sql.join("\n")).toHaveLength(3);
    expect(sql[0]).toMatch(/^BEGIN; select \* from app_enter_as_member\(/i);
    expect(sql[1]).toMatch(/from projects.*join.*ilike/i);
    expect(sql[2]).toMatch(/^COMMIT/i);
  });

  it("is one transaction of four statements in two round trips (three without prepared statements) with an API key", async () => {
    const sql = await statementsOf(projects(), { authorization: `Bearer ${key}` });
    expect(sql, sql.join("\n")).toHaveLength(prepared ? 2 : 3);
    expect(sql[0]).toMatch(/^BEGIN; select \* from app_enter_with_api_key\(/i);
    expectReadThenCommit(sql);
  });
});

describe("a dashboard page", () => {
  it("resolves the membership once for layout and page, with the org list and the page's read in one transaction (one round trip with prepared statements)", async () => {
    const sql = await statementsOf(`/dashboard/${team.org.slug}/projects`, { cookie });
    expect(sql.filter((s) => /app_enter_as_member/.test(s)), sql.join("\n")).toHaveLength(1);
    expect(sql.filter((s) => /^BEGIN/i.test(s))).toHaveLength(1);
    expect(sql.filter((s) => /^COMMIT|; commit$/i.test(s))).toHaveLength(1);
    // The layout's lookup (its last argument asks for the org list) opens the transaction and the
    // page's query travels with it, COMMIT too with prepared statements (lib/orgs/load-as-member.ts).
    expect(sql, sql.join("\n")).toHaveLength(prepared ? 1 : 3);
    expect(sql[0]).toMatch(/^BEGIN; select \* from app_enter_as_member\([^;]*, true\)/i);
    expectReadThenCommit(sql);
  });

  it("keeps a search in the lookup's transaction, planned for its text", async () => {
    const sql = await statementsOf(`/dashboard/${team.org.slug}/projects?q=Alpha`, { cookie });
    expect(sql, sql.join("\n")).toHaveLength(3);
    expect(sql[0]).toMatch(/^BEGIN; select \* from app_enter_as_member\([^;]*, true\)$/i);
    expect(sql[1]).toMatch(/from projects.*join.*ilike/i);
    expect(sql[2]).toMatch(/^COMMIT/i);
  });
});
