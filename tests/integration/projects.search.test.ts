import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decodeCursor } from "@/lib/db/cursor";
import type { Sql } from "@/lib/db/sql";
import { scoped, scopedSql } from "@/lib/db/tenant-transaction";
import type { ProjectListQuery, ProjectPage } from "@/lib/projects/schemas";
import { listProjects } from "@/lib/projects/service";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";

/**
 * `?q=` on the projects list: what it finds (behaviour, over HTTP), and that the query the
 * service sends reads the org's matches through the trigram index rather than every project
 * of the org (its plan, on a seeded table, under row-level security as in a request).
 */

type Team = Awaited<ReturnType<typeof orgWithTeam>>;
let acme: Team;
let rival: Team;

/** Acme's projects, oldest first (the list answers newest first). */
const ACME: { name: string; description?: string; status?: "active" | "paused" | "archived" }[] = [
  { name: "Kestrel launch" },
  { name: "Website", description: "Move the KESTREL cluster to the new region" },
  { name: "kestrel mobile", status: "archived" },
  { name: "Falcon", description: "Nothing to see" },
  { name: "The Kestrel report", status: "archived" },
  { name: "Ops", description: "kestrel-on-call rota" },
  { name: "Discount 100% off" },
  { name: "Discount 1000 off" },
  { name: "snake_case names" },
  { name: "snakeXcase names" },
  { name: "Path C:\\temp\\" },
  { name: "Path C:temp" },
];
const KESTRELS = ["Kestrel launch", "Website", "kestrel mobile", "The Kestrel report", "Ops"];

beforeAll(async () => {
  acme = await orgWithTeam("Search");
  rival = await orgWithTeam("SearchRival");
  const start = Date.now() - 60_000;
  await scoped({ orgId: acme.org.id }, (tx) =>
    tx.project.createMany({ data: ACME.map((p, i) => ({ ...p, orgId: acme.org.id, createdAt: new Date(start + i * 1000) })) }),
  );
  await scoped({ orgId: rival.org.id }, (tx) => tx.project.createMany({ data: [{ orgId: rival.org.id, name: "Kestrel secret", description: "100% kestrel" }] }));
});

async function search(query: string, { as = acme.team.viewer, org = acme.org.slug } = {}) {
  const res = await client(as).get<ProjectPage>(`/api/v1/orgs/${org}/projects?${query}`);
  expect(res.status, query).toBe(200);
  return res.body;
}
const names = (page: ProjectPage) => page.data.map((p) => p.name);
const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe("searching projects", () => {
  it("finds the text in name or description, ignoring case, newest first", async () => {
    for (const text of ["kestrel", "KESTREL", "kEsTrEl"]) expect(names(await search(q(text)))).toEqual([...KESTRELS].reverse());
    expect(names(await search(q("cluster to the NEW")))).toEqual(["Website"]);
    expect(names(await search(q("zzz-nothing")))).toEqual([]);
  });

  it("pages through the matches with cursors, each once and in order", async () => {
    const whole = names(await search(`${q("kestrel")}&limit=100`));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ProjectPage = await search(`${q("kestrel")}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(KESTRELS.length);
  });

  it("combines with the status filter, across pages too", async () => {
    expect(names(await search(`${q("kestrel")}&status=archived`))).toEqual(["The Kestrel report", "kestrel mobile"]);
    const first = await search(`${q("kestrel")}&status=archived&limit=1`);
    expect(names(first)).toEqual(["The Kestrel report"]);
    const second = await search(`${q("kestrel")}&status=archived&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(names(second)).toEqual(["kestrel mobile"]);
    expect(second.nextCursor).toBeNull();
    expect(names(await search(`${q("kestrel")}&status=paused`))).toEqual([]);
  });

  it("matches %, _ and \\ literally, not as LIKE wildcards", async () => {
    expect(names(await search(q("100%")))).toEqual(["Discount 100% off"]);
    expect(names(await search(q("%")))).toEqual(["Discount 100% off"]);
    expect(names(await search(q("snake_case")))).toEqual(["snake_case names"]);
    expect(names(await search(q("_")))).toEqual(["snake_case names"]);
    expect(names(await search(q("C:\\")))).toEqual(["Path C:\\temp\\"]);
    expect(names(await search(q("temp\\")))).toEqual(["Path C:\\temp\\"]);
  });

  it("never returns another org's projects, and another org's search never returns ours", async () => {
    const rivalIds = new Set((await scoped({ orgId: rival.org.id }, (tx) => tx.project.findMany({ select: { id: true } }))).map((p) => p.id));
    expect(rivalIds.size).toBe(4);
    for (const text of ["kestrel", "secret", "100%", "Search"]) {
      for (const p of (await search(`${q(text)}&limit=100`)).data) expect(rivalIds.has(p.id), text).toBe(false);
    }
    expect(names(await search(q("secret")))).toEqual([]);
    expect(names(await search(q("kestrel"), { as: rival.team.viewer, org: rival.org.slug }))).toEqual(["Kestrel secret"]);
    expect((await client(acme.team.owner).get(`/api/v1/orgs/${rival.org.slug}/projects?${q("kestrel")}`)).status).toBe(404);
  });
});

/** `sql`, recording each statement sent through it. */
function recording(sql: Sql, statements: { query: string; params: unknown[]; prepared: boolean }[]): Sql {
  return {
    rows: (text, values = [], options) => (statements.push({ query: text, params: [...values], prepared: Boolean(options?.prepared) }), sql.rows(text, values, options)),
    call: (fn, args) => sql.call(fn, args),
  };
}

/**
 * The plan: a table big enough for the planner to choose as it would in production (one org
 * with thousands of projects among other orgs' thousands), analysed, and the very statement
 * listProjects sends (recorded as it is sent, so this cannot drift from the service)
 * explained inside an org transaction, under row-level security as every request runs.
 */
describe("the search's query plan", () => {
  const SEARCH_INDEX = "projects_orgId_search_idx";
  const OTHER_ORGS = 30;
  const PER_ORG = 300;
  const BIG_ORG = 3000;
  const prefix = `plan${Date.now().toString(36)}`;
  const big = { id: `${prefix}big`, slug: `${prefix}-big` };
  let owner: pg.Client;
  const statements: { query: string; params: unknown[]; prepared: boolean }[] = [];

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await owner.connect();
    await owner.query(
      `insert into organizations (id, name, slug, "updatedAt")
       select $1::text || o, 'Plan ' || o, $1::text || '-' || o, now() from generate_series(1, $2::int) o
       union all select $3, 'Plan big', $4, now()`,
      [prefix, OTHER_ORGS, big.id, big.slug],
    );
    // Filler text of hex words; "quokka", in either column and any case, in 9 of the big org's
    // projects and in some of the others'.
    await owner.query(
      `insert into projects (id, "orgId", name, description, status, "createdAt", "updatedAt")
       select md5($1::text || g),
              case when g < $3::int then $2::text else $1::text || (1 + g % $4::int) end,
              initcap(substr(md5(g::text), 1, 8)) || case when g % 500 = 0 and g < $3::int then ' Quokka' else '' end,
              md5((g * 7)::text) || ' ' || md5((g * 13)::text) || case when g % 1000 = 1 then ' the QUOKKA run' else '' end,
              (array['active','paused','archived'])[1 + g % 3]::"ProjectStatus",
              timestamp '2026-01-01' + g * interval '1 minute',
              now()
       from generate_series(0, $3::int + $4::int * $5::int - 1) g`,
      [prefix, big.id, BIG_ORG, OTHER_ORGS, PER_ORG],
    );
    // VACUUM as autovacuum would by now: it moves the rows just added from the GIN index's
    // pending list into the index proper and records its size, which the planner prices.
    await owner.query("vacuum analyze projects");
  });

  afterAll(async () => {
    await owner?.query(`delete from organizations where id like $1`, [`${prefix}%`]);
    await owner?.end();
  });

  /** Runs listProjects as a request would and returns its page and the statement it sent for the rows. */
  async function listAndCapture(query: ProjectListQuery) {
    statements.length = 0;
    const page = await scopedSql({ orgId: big.id }, (sql) => listProjects(recording(sql, statements), query));
    const sent = statements.filter((s) => s.query.includes("from projects") && s.query.includes("ilike"));
    expect(sent).toHaveLength(1);
    // A plan kept for any text could take the index for a term too short to have trigrams.
    expect(sent[0]!.prepared).toBe(false);
    return { page: page.parse(), sql: sent[0]!.query, params: sent[0]!.params };
  }

  type PlanNode = { "Node Type": string; "Index Name"?: string; "Index Cond"?: string; Plans?: PlanNode[] };
  const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

  async function explain(sql: string, params: unknown[]): Promise<PlanNode[]> {
    const [row] = await scopedSql({ orgId: big.id }, (tx) => tx.rows<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params));
    return nodes(row!["QUERY PLAN"][0].Plan);
  }

  /** The index is searched for the org and the pattern together: candidates come from the org the transaction is scoped to. */
  function expectOrgConfinedIndexSearch(plan: PlanNode[]) {
    const searches = plan.filter((n) => n["Index Name"] === SEARCH_INDEX);
    expect(searches.length, JSON.stringify(plan.map((n) => [n["Node Type"], n["Index Name"], n["Index Cond"]]))).toBeGreaterThan(0);
    for (const n of searches) {
      expect(n["Index Cond"]).toContain(`"orgId" = NULLIF(current_setting('app.org_id'`);
      expect(n["Index Cond"]).toMatch(/~~\* '%quokka%'/);
    }
  }

  it("reads the first page through the trigram index, within the org", async () => {
    const { page, sql, params } = await listAndCapture({ q: "quokka", limit: 4 });
    expect(page.data).toHaveLength(4);
    expect(page.data.every((p) => /quokka/i.test(`${p.name} ${p.description}`))).toBe(true);
    expectOrgConfinedIndexSearch(await explain(sql, params));
  });

  it("reads a later page (cursor) and a status-filtered one the same way", async () => {
    const first = await listAndCapture({ q: "quokka", limit: 4 });
    const later = await listAndCapture({ q: "quokka", limit: 4, cursor: decodeCursor(first.page.nextCursor!)! });
    expect(later.page.data).toHaveLength(4);
    const firstIds = new Set(first.page.data.map((p) => p.id));
    expect(later.page.data.filter((p) => firstIds.has(p.id))).toEqual([]);
    expectOrgConfinedIndexSearch(await explain(later.sql, later.params));

    const paused = await listAndCapture({ q: "quokka", limit: 4, status: "paused" });
    expect(paused.page.data.length).toBeGreaterThan(0);
    expect(paused.page.data.every((p) => p.status === "paused")).toBe(true);
    expectOrgConfinedIndexSearch(await explain(paused.sql, paused.params));
  });
});
