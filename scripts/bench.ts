/**
 * `npm run bench`: throughput and latency of the main API paths, measured over real HTTP
 * against the production build (run `npm run build` first) on a fresh database holding two
 * orgs of BENCH_ROWS projects each. BENCH_DB=pglite measures the zero-setup default.
 * Knobs: BENCH_SECONDS (per scenario, default 8), BENCH_CONCURRENCY (default 8), BENCH_ROWS (default 2000).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { preparePglite, preparePostgres, startAppServer } from "../tests/support/app-server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const MODE = process.env.BENCH_DB === "pglite" ? "pglite" : "postgres";
const SECRET = "tenantkit-bench-secret-that-is-at-least-32-chars";

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), "tenantkit-bench-"));
const database = MODE === "pglite" ? await preparePglite(dataDir) : await preparePostgres("tenantkit_bench");
Object.assign(process.env, { DATABASE_URL: database.appUrl, NEXTAUTH_SECRET: SECRET, DATA_DIR: dataDir });
const { db } = await import("../lib/db/client");
const { scoped } = await import("../lib/db/tenant-transaction");
const { createOrg } = await import("../lib/orgs/service");

async function orgWithProjects(label: string) {
  const user = await db.user.create({ data: { name: `${label} Owner`, email: `${label.toLowerCase()}@bench.test` } });
  const org = await createOrg(user.id, { name: `${label} Bench` });
  // Thousands of projects are past the Free plan's limit: on Pro, creates are measured, not refused.
  await db.organization.update({ where: { id: org.id }, data: { plan: "pro" } });
  // In chunks: one 2000-row createMany outlives Prisma's 5 s interactive-transaction timeout.
  for (let start = 0; start < ROWS; start += 500) {
    await scoped({ orgId: org.id }, (tx) =>
      tx.project.createMany({
        data: Array.from({ length: Math.min(500, ROWS - start) }, (_, k) => {
          const i = start + k;
          return {
            orgId: org.id,
            name: `${label} project ${i}`,
            description: i % 10 === 0 ? "needle in the haystack" : "",
            createdById: user.id,
            createdAt: new Date(Date.now() - i * 60_000),
          };
        }),
      }),
    );
  }
  return { user, org };
}

console.log(`Seeding two orgs × ${ROWS} projects on ${MODE}…`);
const a = await orgWithProjects("Alpha");
await orgWithProjects("Beta");
const projectId = (await scoped({ orgId: a.org.id }, (tx) => tx.project.findFirstOrThrow({ select: { id: true } }))).id;
// A signed-in device, as the jwt callback records it: every request checks this row.
const { startSession } = await import("../lib/auth/user-sessions");
const session = await startSession(a.user.id, "credentials", { userAgent: "tenantkit-bench" });
const cookie = `next-auth.session-token=${await encode({ token: { sub: a.user.id, uid: a.user.id, sv: session.sessionVersion, sid: session.id, email: a.user.email }, secret: SECRET })}`;

const server = await startAppServer({ port: Number(process.env.BENCH_PORT ?? 3600), databaseUrl: database.appUrl, dataDir, secret: SECRET, env: { RATE_LIMIT_MULTIPLIER: "100000" } });
const base = `${server.baseUrl}/api/v1/orgs/${a.org.slug}/projects`;

type Scenario = { name: string; request: () => Promise<Response> };
const json = { cookie, "content-type": "application/json" };
const BASELINE = "GET /api/health?live (in-memory JSON)";
const scenarios: Scenario[] = [
  { name: BASELINE, request: () => fetch(`${server.baseUrl}/api/health?live`) },
  { name: "GET /api/health (no auth, 1 query)", request: () => fetch(`${server.baseUrl}/api/health`) },
  { name: "GET projects, first page of 20", request: () => fetch(base, { headers: { cookie } }) },
  { name: "GET projects, search ?q=needle", request: () => fetch(`${base}?q=needle`, { headers: { cookie } }) },
  { name: "GET one project", request: () => fetch(`${base}/${projectId}`, { headers: { cookie } }) },
  { name: "POST project", request: () => fetch(base, { method: "POST", headers: json, body: JSON.stringify({ name: "Bench" }) }) },
  { name: "GET dashboard page (SSR)", request: () => fetch(`${server.baseUrl}/dashboard/${a.org.slug}/projects`, { headers: { cookie } }) },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function measure(scenario: Scenario) {
  for (let i = 0; i < 20; i++) await (await scenario.request()).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const res = await scenario.request();
        await res.arrayBuffer();
        latencies.push(performance.now() - started);
        if (!res.ok) errors++;
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  return {
    scenario: scenario.name,
    "req/s": Math.round(latencies.length / SECONDS),
    "p50 ms": percentile(latencies, 50).toFixed(1),
    "p95 ms": percentile(latencies, 95).toFixed(1),
    "p99 ms": percentile(latencies, 99).toFixed(1),
    errors,
  };
}

try {
  console.log(`Measuring ${SECONDS} s per scenario, ${CONCURRENCY} concurrent clients, database: ${MODE}`);
  // Warm every path first, so the baseline (measured first) is not the one that pays for a cold server.
  for (const scenario of scenarios) for (let i = 0; i < 100; i++) await (await scenario.request()).arrayBuffer();
  const results = [];
  for (const scenario of scenarios) results.push(await measure(scenario));
  // Measured again at the end: the baseline is the mean of both, so drift during the run evens out.
  const again = await measure(scenarios[0]!);
  results.push({ ...again, scenario: `${BASELINE}, again` });
  // Absolute figures swing between machines and hours: compare routes with the baseline of the same run.
  const baseline = ((results[0]?.["req/s"] ?? 0) + again["req/s"]) / 2;
  console.table(results.map((r) => ({ ...r, "share of live": baseline ? `${Math.round((r["req/s"] / baseline) * 1000) / 10}%` : "n/a" })));
} finally {
  await server.stop();
  await db.$disconnect();
  await database.stop();
}
