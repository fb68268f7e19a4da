/**
 * `npm run bench:growth`: how the p99 latency of tenant reads grows when the projects table
 * grows from 10 thousand rows to a million (the measured org keeps its 10 thousand). Two
 * production servers, each on its own freshly seeded Postgres database, are loaded in turn,
 * route by route and round by round, and each route's latencies are pooled per database:
 * two runs taken minutes apart would also measure how the machine's speed drifted in between.
 * Flags: `npm run bench:growth -- --help` (scripts/bench/growth.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { preparePostgres } from "../tests/support/app-server";
import { ensureBuild } from "./bench/build";
import { GROWTH_USAGE, MAX_P99_GROWTH, p99Growth, parseGrowthOptions, roundOrder, type Size } from "./bench/growth";
import { load, summariseLatencies } from "./bench/load";
import { send } from "./bench/measure";
import { optionsOrExit } from "./bench/options";
import { formatTable, gitState, machineFacts, markdownTable } from "./bench/report";
import { BASELINE_KEY, routes, type Route } from "./bench/routes";
import { seed } from "./bench/seed";
import { serverComplaints } from "./bench/server-errors";
import { assertRedis, startBenchServer } from "./bench/server";
import { createApiKey, signIn } from "./bench/sign-in";

const opts = optionsOrExit(() => parseGrowthOptions(process.argv.slice(2), process.env), GROWTH_USAGE);
const SIZES: Size[] = ["small", "large"];
const shape: Record<Size, { rows: number; orgs: number }> = { small: { rows: opts.smallRows, orgs: 1 }, large: { rows: opts.largeRows, orgs: opts.largeOrgs } };

type Tally = { latencies: number[]; requests: number; seconds: number; errors: number; non2xx: number };

const startedAt = new Date();
const machineAtStart = machineFacts();
const problems: string[] = [];
const complaints = serverComplaints();
/** The routes measured on each database, aimed at its server. */
const sides = new Map<Size, Route[]>();
// What to undo at the end, newest first: servers, then their databases and data directories.
const undo: (() => Promise<void> | void)[] = [];
const tallies = new Map<string, Tally>();
const tally = (size: Size, key: string): Tally => {
  const id = `${size}:${key}`;
  if (!tallies.has(id)) tallies.set(id, { latencies: [], requests: 0, seconds: 0, errors: 0, non2xx: 0 });
  return tallies.get(id)!;
};

console.log(
  `Growth bench: ${opts.smallRows.toLocaleString("en")} projects in 1 org against ${opts.largeRows.toLocaleString("en")} in ${opts.largeOrgs} orgs, ` +
    `${opts.rounds} rounds of ${opts.warmup} s + ${opts.duration} s per route and database, ${opts.connections} connections.`,
);
ensureBuild(opts.build);
await assertRedis();

try {
  for (const [i, size] of SIZES.entries()) {
    const database = await preparePostgres(`tenantkit_growth_${size}_${opts.port}`);
    undo.unshift(() => database.stop());
    const dataDir = mkdtempSync(path.join(tmpdir(), "tenantkit-growth-"));
    undo.unshift(() => rmSync(dataDir, { recursive: true, force: true }));
    const seeded = await seed(database.ownerUrl, shape[size], (line) => console.log(line));
    console.log(`Seeded the ${size} database: ${shape[size].rows.toLocaleString("en")} projects in ${shape[size].orgs} org(s) in ${seeded.seconds.toFixed(1)} s.`);
    const server = await startBenchServer({ port: opts.port + i, databaseUrl: database.appUrl, appEnv: database.appEnv, dataDir, onOutput: complaints.onOutput });
    undo.unshift(() => server.stop());
    const cookie = await signIn(server.baseUrl, seeded.acme.email, seeded.acme.password);
    const apiKey = opts.routes.includes("list-api-key") ? await createApiKey(server.baseUrl, seeded.acme.slug, cookie) : "";
    const measured = routes({ baseUrl: server.baseUrl, slug: seeded.acme.slug, projectId: seeded.projectId, cookie, apiKey }, opts.routes).filter((r) => r.key !== BASELINE_KEY);
    sides.set(size, measured);
  }

  // Modules loaded and hot paths compiled on both servers before anything is measured.
  console.log("  Warming both servers…");
  for (const measured of sides.values()) {
    for (const route of measured) await send(route);
    for (const route of measured) await load(route.target, { connections: opts.connections, warmup: 0, seconds: 1 });
  }

  for (let round = 0; round < opts.rounds; round++) {
    for (const key of opts.routes) {
      const line: string[] = [];
      for (const size of roundOrder(round)) {
        const route = sides.get(size)!.find((r) => r.key === key)!;
        const t = tally(size, key);
        const result = await load(route.target, { connections: opts.connections, warmup: opts.warmup, seconds: opts.duration }, { onLatency: (ms) => t.latencies.push(ms) });
        t.requests += result.requests;
        t.seconds += result.seconds;
        t.errors += result.errors;
        t.non2xx += result.non2xx;
        line.push(`${size} ${result.reqPerSec.toFixed(0)} req/s p99 ${result.latencyMs.p99.toFixed(0)} ms`);
      }
      console.log(`  round ${round + 1}/${opts.rounds}, ${sides.get("small")!.find((r) => r.key === key)!.name}: ${line.join(", ")}`);
    }
  }
} catch (error) {
  problems.push(`crashed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  for (const step of undo) await step();
}

const rows = opts.routes.flatMap((key) => {
  const [small, large] = SIZES.map((size) => tallies.get(`${size}:${key}`));
  if (!small || !large || small.latencies.length === 0 || large.latencies.length === 0) return [];
  for (const [size, t] of [["small", small], ["large", large]] as const) {
    if (t.errors || t.non2xx) problems.push(`${key} on the ${size} database: ${t.errors} errors, ${t.non2xx} non-2xx`);
  }
  const [s, l] = [summariseLatencies(small.latencies), summariseLatencies(large.latencies)];
  const name = sides.get("small")!.find((r) => r.key === key)!.name;
  return [{ key, name, small: { ...s, reqPerSec: small.requests / small.seconds }, large: { ...l, reqPerSec: large.requests / large.seconds }, ...p99Growth(s, l) }];
});

const header = ["route", "small req/s", "small p50/p95/p99 ms", "large req/s", "large p50/p95/p99 ms", "p99 growth", `within ${MAX_P99_GROWTH * 100}%`];
const cells = rows.map((r) => [
  r.name,
  r.small.reqPerSec.toFixed(0),
  `${r.small.p50.toFixed(0)} / ${r.small.p95.toFixed(0)} / ${r.small.p99.toFixed(0)}`,
  r.large.reqPerSec.toFixed(0),
  `${r.large.p50.toFixed(0)} / ${r.large.p95.toFixed(0)} / ${r.large.p99.toFixed(0)}`,
  `${r.growth >= 0 ? "+" : ""}${(r.growth * 100).toFixed(1)}%`,
  r.within ? "yes" : "no",
]);
const machine = `Machine: ${machineAtStart.cpuModel}, ${machineAtStart.cores} cores, Node ${machineAtStart.node}.`;
const stamp = startedAt.toISOString().replace(/:/g, "-").replace(/\..*/, "");
const resultsDir = path.resolve("bench-results");
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${stamp}-growth-${opts.smallRows}-${opts.largeRows}.json`);
const report = { startedAt, finishedAt: new Date(), options: opts, machine: machineAtStart, git: gitState(), routes: rows, serverComplaints: complaints.list(), problems };
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(file.replace(/\.json$/, ".md"), `${markdownTable(header, cells)}\n\n${machine}\n`);

if (rows.length) console.log(`\n${formatTable(header, cells)}\n`);
console.log(`${machine}\nResults: ${file} (and .md)`);
if (problems.length) {
  if (report.serverComplaints.length) console.error(`\nThe servers' warnings and errors (by message):\n${report.serverComplaints.map((c) => `  ${c.count}× ${c.message}`).join("\n")}`);
  console.error(`\nProblems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
