/**
 * `npm test`: everything, in the order that fails fastest, saying what it does as it goes.
 * Needs Postgres (TEST_ADMIN_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * and Redis (REDIS_URL, default redis://127.0.0.1:6379); `.ci/run` starts both.
 *
 * Steps that share nothing run side by side: lint, types and unit tests; then the two
 * integration passes and the benchmark's smoke run (each has its own app server, port and
 * database, and much of their time is spent waiting on timers and I/O). A step run alongside others prints its output whole
 * when it ends, so logs never interleave.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./lib/ensure-chromium";

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const only = new Set((process.env.TEST_ONLY ?? "").split(",").filter(Boolean));
const wanted = (step: string) => only.size === 0 || only.has(step);

type Report = { path: string; kind: "vitest" | "playwright" };
type Step = { name: string; title: string; command: string; args: string[]; env?: Record<string, string>; report?: Report };

/** Adds a vitest/playwright JSON report's counts to the totals. */
function count({ path, kind }: Report) {
  if (!existsSync(path)) return;
  const report = JSON.parse(readFileSync(path, "utf8"));
  if (kind === "vitest") {
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else {
    totals.passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    totals.failed += report.stats?.unexpected ?? 0;
    totals.skipped += report.stats?.skipped ?? 0;
  }
}

async function runStep(step: Step, buffered: boolean): Promise<boolean> {
  const header = `\n▶ ${step.title}\n  $ ${[step.command, ...step.args].join(" ")}`;
  if (!buffered) console.log(header);
  if (step.report) rmSync(step.report.path, { force: true });
  const started = Date.now();
  const child = spawn(step.command, step.args, { stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...step.env } });
  const output: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (buffered) console.log(`${header}\n${Buffer.concat(output).toString()}`);
  const ok = status === 0;
  console.log(`${ok ? "✔" : "✘"} ${step.title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (step.report) count(step.report);
  return ok;
}

const failures: string[] = [];

/** Runs the wanted steps of a group at once (one alone streams its output live). */
async function group(...steps: Step[]) {
  const chosen = steps.filter((s) => wanted(s.name));
  const results = await Promise.all(chosen.map((s) => runStep(s, chosen.length > 1)));
  chosen.forEach((s, i) => results[i] || failures.push(s.name));
}

const vitest = (name: string, title: string, project: string, report: string, env: Record<string, string> = {}): Step => ({
  name,
  title,
  command: "npx",
  args: ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
  env,
  report: { path: report, kind: "vitest" },
});

await group(
  { name: "lint", title: "Lint (ESLint)", command: "npx", args: ["eslint", "."] },
  { name: "typecheck", title: "Type-check (tsc)", command: "npx", args: ["tsc", "--noEmit"] },
  vitest("unit", "Unit tests", "unit", "test-results/unit.json"),
);
await group({ name: "build", title: "Production build (next build)", command: "npx", args: ["next", "build"] });
await group(
  vitest("integration", "Integration tests on PostgreSQL (real HTTP against the production build)", "integration", "test-results/integration-postgres.json"),
  vitest("pglite", "Integration tests again on the embedded PGlite database (the zero-setup default)", "integration", "test-results/integration-pglite.json", {
    TEST_DB: "pglite",
  }),
  // The benchmark's instrument, end to end in a few seconds: fails on errors, never on speed.
  {
    name: "bench",
    title: "Benchmark smoke run (npm run bench -- --smoke)",
    command: "npx",
    args: ["tsx", "scripts/bench.ts", "--smoke", "--no-build"],
    env: { BENCH_PORT: process.env.BENCH_SMOKE_PORT ?? "3400" },
  },
);
if (wanted("e2e")) {
  const chromium = ensureChromium();
  await group({
    name: "e2e",
    title: "Browser tests (Playwright, Chromium)",
    command: "npx",
    args: ["playwright", "test"],
    env: chromium ? { CHROMIUM_PATH: chromium } : {},
    report: { path: "test-results/e2e-report.json", kind: "playwright" },
  });
}

console.log(`\n${failures.length ? `Failed steps: ${failures.join(", ")}` : "All steps passed."}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
