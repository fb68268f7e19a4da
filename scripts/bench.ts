/**
 * `npm run bench`: throughput, latency, database statements and memory of the main pages and
 * API routes, over real HTTP against the production build (`next start`), on a fresh database
 * seeded by SQL, signed in through the real sign-in flow, with the rate limiter counting in
 * Redis and row-level security on. Flags: `npm run bench -- --help` (scripts/bench/options.ts).
 * Every figure is also written to bench-results/ as JSON, so runs can be compared.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DATABASE_ENV } from "@/lib/db/embedded-env";
import { preparePostgres, type AppServer, type TestDatabase } from "../tests/support/app-server";
import { ensureBuild } from "./bench/build";
import { startChild, type Child } from "./bench/child-process";
import { monotonicMicros, profilesIn, summariseProfile, type ProfileSummary } from "./bench/cpu-profile";
import { load } from "./bench/load";
import { measureUnderLoad, send, statementsOfOneRequest, type CpuMeters } from "./bench/measure";
import { optionsOrExit, parseOptions, USAGE } from "./bench/options";
import { poolRounds, type RoundMeasurement } from "./bench/rounds";
import { measureSignedInPageScripts, type PageScripts } from "./bench/page-scripts";
import type { PgliteApi } from "./bench/pglite-child";
import { machineMeter, namedProcessMeter, processTreeMeter, sampleRss } from "./bench/process-tree";
import { gitState, machineFacts, megabytes, pageScriptsLine, perRequest, profileTable, routeTable, type RouteResult } from "./bench/report";
import { BASELINE_KEY, routes, type Route } from "./bench/routes";
import { seed } from "./bench/seed";
import { assertRedis, REDIS_URL, startBenchServer } from "./bench/server";
import { serverComplaints } from "./bench/server-errors";
import { createApiKey, signIn } from "./bench/sign-in";
import { startCounterProcess } from "./bench/statement-counter";

const opts = optionsOrExit(() => parseOptions(process.argv.slice(2), process.env), USAGE);

async function openDatabase(dataDir: string): Promise<{ database: TestDatabase; pglite?: Child<PgliteApi> }> {
  if (opts.database === "postgres") return { database: await preparePostgres(`tenantkit_bench_${opts.port}`) };
  const { child, ready } = await startChild<PgliteApi, { appUrl: string; ownerUrl: string }>(path.resolve("scripts/bench/pglite-child.ts"), {
    ...process.env,
    BENCH_PGLITE_DIR: dataDir,
  });
  return { database: { ...ready, appEnv: EMBEDDED_DATABASE_ENV, stop: () => child.stop() }, pglite: child };
}

/** The database's version and what row-level security the app's login is under, read as the owner. */
async function databaseFacts(ownerUrl: string, appUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const version = (await client.query<{ v: string }>("select version() as v")).rows[0]!.v;
    const login = decodeURIComponent(new URL(appUrl).username);
    const role = (await client.query<{ superuser: boolean; bypassrls: boolean }>("select rolsuper as superuser, rolbypassrls as bypassrls from pg_roles where rolname = $1", [login])).rows[0];
    const projects = (await client.query<{ enabled: boolean; forced: boolean }>("select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = 'projects'::regclass")).rows[0];
    return { version, appLogin: { name: login, ...role }, projectsRls: projects };
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const stamp = new Date().toISOString().replace(/:/g, "-").replace(/\..*/, "");
const resultsDir = path.resolve("bench-results");
const runName = `${stamp}-${opts.database}-${opts.rows}${opts.smoke ? "-smoke" : ""}`;
const problems: string[] = [];
const startedAt = new Date();
const machineAtStart = machineFacts();

console.log(
  `Bench${opts.smoke ? " (smoke)" : ""}: ${opts.database}, ${opts.rows.toLocaleString("en")} projects in ${opts.orgs} orgs, ` +
    `${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.duration} s measured per route, port ${opts.port}.`,
);
ensureBuild(opts.build);
await assertRedis();

const dataDir = mkdtempSync(path.join(tmpdir(), "tenantkit-bench-"));
mkdirSync(resultsDir, { recursive: true });
const profileDir = opts.profile ? path.join(resultsDir, `${runName}-profile`) : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });

const { database, pglite } = await openDatabase(dataDir);
let counter: Awaited<ReturnType<typeof startCounterProcess>> | undefined;
let server: AppServer | undefined;
const results: RouteResult[] = [];
let pageScripts: PageScripts | undefined;
let profile: ProfileSummary | undefined;
let rss: ReturnType<ReturnType<typeof sampleRss>["stop"]> = null;
let seeded: Awaited<ReturnType<typeof seed>> | undefined;
let databaseInfo: Awaited<ReturnType<typeof databaseFacts>> | undefined;
let rateLimitHeader: string | null = null;
const loadWindow = { from: 0, to: 0 };
let baselineWindows: number[] = [];
const complaints = serverComplaints();

try {
  databaseInfo = await databaseFacts(database.ownerUrl, database.appUrl);
  console.log(`Seeding by SQL…`);
  seeded = await seed(database.ownerUrl, opts, (line) => console.log(line));
  console.log(`Seeded ${opts.rows.toLocaleString("en")} projects (acme: ${seeded.acme.projects.toLocaleString("en")}) in ${opts.orgs} orgs in ${seeded.seconds.toFixed(1)} s.`);

  const serve = (databaseUrl: string, nodeArgs?: string[]) =>
    startBenchServer({ port: opts.port, databaseUrl, appEnv: database.appEnv, dataDir, nodeArgs, onOutput: complaints.onOutput });

  // First the statements of one request per route, with the server connected through the counter.
  counter = await startCounterProcess(database.appUrl, opts.port + 1);
  server = await serve(counter.url);
  const cookie = await signIn(server.baseUrl, seeded.acme.email, seeded.acme.password);
  const apiKey = await createApiKey(server.baseUrl, seeded.acme.slug, cookie);
  const list = routes({ baseUrl: server.baseUrl, slug: seeded.acme.slug, projectId: seeded.projectId, cookie, apiKey }, opts.routes);
  const probe = routes({ baseUrl: server.baseUrl, slug: seeded.acme.slug, projectId: seeded.projectId, cookie, apiKey }, ["list"]).at(-1)!.target;
  rateLimitHeader = (await fetch(probe.url, { headers: probe.headers })).headers.get("ratelimit-limit");
  if (!rateLimitHeader) problems.push("API answers carry no RateLimit-Limit header: the rate limiter did not count in Redis");
  const counted = new Map<string, RouteResult["oneRequest"]>();
  for (const route of list) counted.set(route.key, await statementsOfOneRequest(route, counter));
  await server.stop();
  await counter.stop();
  counter = undefined;

  // Then the load, on a fresh server connected to the database directly (measure.ts says why).
  // The session and the API key live in the database, so they still hold.
  // --cpu-prof writes the profile when the server exits (Next exits cleanly on SIGTERM).
  server = await serve(database.appUrl, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : undefined);
  const serverPid = server.pid;
  const sampler = sampleRss(serverPid);
  const meters: CpuMeters = existsSync(`/proc/${serverPid}/stat`)
    ? {
        server: processTreeMeter(serverPid),
        database: pglite ? processTreeMeter(pglite.pid) : namedProcessMeter("postgres"),
        redis: namedProcessMeter("redis-server"),
        machine: machineMeter,
      }
    : {};

  // A just-started server loads a route's modules on its first request and compiles its hot paths
  // during the first seconds of traffic: one request per route first (on a busy machine a page's
  // first render can outlast a smoke run's window), then a pass of load over every route, so the
  // baseline measured first is not the one that pays for it. Not reported.
  for (const route of list) await send(route);
  if (opts.warmup > 0) {
    console.log("  Warming every route for a second…");
    for (const route of list) await load(route.target, { connections: opts.connections, warmup: 0, seconds: 1 });
  }
  loadWindow.from = monotonicMicros();
  type Measured = { route: Route; window: Omit<RoundMeasurement, "baselineReqPerSec">; oneRequest: RouteResult["oneRequest"] };
  const measure = async (route: Route, label = route.name): Promise<Measured> => {
    process.stdout.write(`  ${label}… `);
    sampler.windowPeak();
    const { load: result, latencies, cpuMs } = await measureUnderLoad(route, meters, { connections: opts.connections, warmup: opts.warmup, seconds: opts.duration });
    const { reqPerSec, latencyMs, errors, non2xx } = result;
    console.log(`${reqPerSec.toFixed(0)} req/s, p99 ${latencyMs.p99.toFixed(1)} ms${errors || non2xx ? `, ${errors} errors, ${non2xx} non-2xx` : ""}`);
    if (!alive(serverPid)) throw new Error("The app server exited during the load");
    return { route, window: { load: result, latencies, cpuMs, peakRssBytes: sampler.windowPeak() }, oneRequest: counted.get(route.key)! };
  };
  // The baseline is measured before and after every route, and each route is compared with the
  // mean of the two around it: on a shared machine whose speed drifts over minutes, a baseline
  // taken only at the start and the end would carry that drift into every share. With --rounds,
  // the whole sequence runs again, and each route's rounds are pooled (scripts/bench/rounds.ts).
  const [baselineRoute, ...others] = list;
  const lives = [await measure(baselineRoute!)];
  const rounds = new Map<string, (Measured & { baselineReqPerSec: number })[]>(others.map((route) => [route.key, []]));
  for (let round = 1; round <= opts.rounds; round++) {
    const prefix = opts.rounds > 1 ? `[${round}/${opts.rounds}] ` : "";
    for (const route of others) {
      const result = await measure(route, `${prefix}${route.name}`);
      lives.push(await measure(baselineRoute!, `${prefix}${baselineRoute!.name}`));
      rounds.get(route.key)!.push({ ...result, baselineReqPerSec: (lives.at(-2)!.window.load.reqPerSec + lives.at(-1)!.window.load.reqPerSec) / 2 });
    }
  }
  loadWindow.to = monotonicMicros();

  baselineWindows = lives.map((l) => l.window.load.reqPerSec);
  const liveMean = baselineWindows.reduce((sum, rate) => sum + rate, 0) / baselineWindows.length;
  const rows = [
    { key: baselineRoute!.key, name: baselineRoute!.name, of: [{ ...lives[0]!, baselineReqPerSec: liveMean }] },
    ...others.map((route) => ({ key: route.key, name: route.name, of: rounds.get(route.key)! })),
    { key: `${BASELINE_KEY}-again`, name: `${baselineRoute!.name} (again)`, of: [{ ...lives.at(-1)!, baselineReqPerSec: liveMean }] },
  ];
  for (const { key, name, of } of rows) {
    const { route, oneRequest } = of[0]!;
    const pooled = poolRounds(of.map((m) => ({ ...m.window, baselineReqPerSec: m.baselineReqPerSec })));
    results.push({
      key,
      name,
      method: route.target.method ?? "GET",
      path: route.path,
      auth: route.auth,
      load: pooled.load,
      baselineReqPerSec: pooled.baselineReqPerSec,
      shareOfBaseline: pooled.shareOfBaseline,
      roundShares: pooled.roundShares,
      oneRequest,
      cpuMsPerRequest: perRequest(pooled.cpuMs, pooled.load.requests),
      peakRssBytes: pooled.peakRssBytes,
    });
  }
  for (const { route, window: { load: result }, oneRequest } of [...lives, ...[...rounds.values()].flat()]) {
    if (result.answered === 0) problems.push(`${route.name}: no answer in ${(result.seconds + opts.warmup).toFixed(0)} s of load`);
    if (result.errors || result.non2xx) problems.push(`${route.name}: ${result.errors} errors, ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodes)})`);
    if (oneRequest.status >= 300) problems.push(`${route.name}: a single request answered ${oneRequest.status}`);
  }

  if (opts.browser) {
    console.log("  JavaScript of the projects page in Chromium…");
    pageScripts = await measureSignedInPageScripts(server.baseUrl, `/dashboard/${seeded.acme.slug}/projects`, cookie);
  }
  rss = sampler.stop();
} catch (error) {
  problems.push(`crashed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (server) console.error(`Last server output:\n${server.output.slice(-20).join("")}`);
} finally {
  await server?.stop();
  await counter?.stop();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

if (profileDir) {
  const files = profilesIn(profileDir);
  if (files[0]) profile = summariseProfile(files[0], { window: loadWindow.to ? loadWindow : undefined });
  else problems.push(`--profile: the server wrote no CPU profile into ${profileDir}`);
}

const report = {
  run: runName,
  startedAt,
  finishedAt: new Date(),
  options: opts,
  machine: { ...machineAtStart, loadAverageAtEnd: machineFacts().loadAverage },
  database: databaseInfo && { mode: opts.database, ...databaseInfo },
  git: gitState(),
  seed: seeded && { rows: opts.rows, orgs: opts.orgs, acmeProjects: seeded.acme.projects, seconds: seeded.seconds },
  rateLimit: { store: "redis", url: REDIS_URL, multiplier: 1_000_000, counted: Boolean(rateLimitHeader) },
  baseline: baselineWindows.length > 1 && {
    /** Each measurement of the baseline, in order: before the first route, then after each route. */
    windowsReqPerSec: baselineWindows,
    meanReqPerSec: baselineWindows.reduce((a, b) => a + b, 0) / baselineWindows.length,
    minReqPerSec: Math.min(...baselineWindows),
    maxReqPerSec: Math.max(...baselineWindows),
  },
  routes: results,
  server: rss && { peakRssBytes: rss.peakBytes, processes: rss.processes, samples: rss.samples },
  serverComplaints: complaints.list(),
  pageScripts,
  profile: profile && { ...profile, directory: profileDir },
  problems,
};
const file = path.join(resultsDir, `${runName}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

const summary: string[] = [];
if (report.baseline) {
  const b = report.baseline;
  summary.push(
    `Baseline (/api/health?live), measured ${b.windowsReqPerSec.length} times (before and after each route; each route's share is of the two around it): ` +
      `mean ${b.meanReqPerSec.toFixed(0)} req/s, from ${b.minReqPerSec.toFixed(0)} to ${b.maxReqPerSec.toFixed(0)}.`,
  );
}
if (opts.rounds > 1 && results.length) {
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const measuredRoutes = results.filter((r) => r.roundShares.length > 1);
  summary.push(`Shares of the baseline in each of the ${opts.rounds} rounds (the table gives their median): ${measuredRoutes.map((r) => `${r.name} ${r.roundShares.map(percent).join(", ")}`).join("; ")}.`);
}
if (seeded) summary.push(`Seeding: ${opts.rows.toLocaleString("en")} projects in ${opts.orgs} orgs in ${seeded.seconds.toFixed(1)} s (${opts.database}).`);
if (rss) summary.push(`Server peak RSS (process tree, ${rss.processes} process${rss.processes === 1 ? "" : "es"}): ${megabytes(rss.peakBytes)}.`);
if (pageScripts) summary.push(pageScriptsLine(pageScripts));
summary.push(`Machine: ${machineAtStart.cpuModel}, ${machineAtStart.cores} cores, Node ${machineAtStart.node}; load average ${machineAtStart.loadAverage.map((l) => l.toFixed(1)).join(" ")} at the start.`);
// The same in Markdown beside the JSON, to paste into the README or a pull request.
writeFileSync(file.replace(/\.json$/, ".md"), `${results.length ? `${routeTable(results, "markdown")}\n\n` : ""}${summary.join("\n\n")}\n`);

if (results.length) console.log(`\n${routeTable(results)}\n`);
for (const line of summary.slice(0, -1)) console.log(line);
if (profile) {
  const span = `${(profile.totalMs / 1000).toFixed(1)} s of ${profile.window === "load" ? "load" : "the server's whole run"}`;
  console.log(`\nCPU profile of the server: ${profile.path}\n(${span}, ${((profile.idleMs / Math.max(1, profile.totalMs)) * 100).toFixed(0)}% idle); top ${profile.top.length} functions by self time:\n`);
  console.log(profileTable(profile));
}
console.log(`\n${summary.at(-1)}`);
console.log(`Results: ${file} (and .md)`);
if (problems.length && report.serverComplaints.length) {
  console.error(`\nThe server's warnings and errors (by message):\n${report.serverComplaints.map((c) => `  ${c.count}× ${c.message}`).join("\n")}`);
}
if (problems.length) {
  console.error(`\nProblems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
