/**
 * `npm test`: everything, in the order that fails fastest, saying what it does as it goes.
 * Needs Postgres (TEST_ADMIN_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * and Redis (REDIS_URL, default redis://127.0.0.1:6379); `.ci/run` starts both.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./lib/ensure-chromium";

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const only = new Set((process.env.TEST_ONLY ?? "").split(",").filter(Boolean));
const wanted = (step: string) => only.size === 0 || only.has(step);

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${title}\n  $ ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** Adds a vitest/playwright JSON report's counts to the totals. */
function count(reportPath: string, kind: "vitest" | "playwright") {
  if (!existsSync(reportPath)) return;
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
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

function vitest(title: string, project: string, report: string, env: Record<string, string> = {}) {
  rmSync(report, { force: true });
  const ok = step(title, "npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);
  count(report, "vitest");
  return ok;
}

const failures: string[] = [];
const run = (name: string, fn: () => boolean) => {
  if (wanted(name) && !fn()) failures.push(name);
};

run("lint", () => step("Lint (ESLint)", "npx", ["eslint", "."]));
run("typecheck", () => step("Type-check (tsc)", "npx", ["tsc", "--noEmit"]));
run("unit", () => vitest("Unit tests", "unit", "test-results/unit.json"));
run("build", () => step("Production build (next build)", "npx", ["next", "build"]));
run("integration", () => vitest("Integration tests on PostgreSQL (real HTTP against the production build)", "integration", "test-results/integration-postgres.json"));
run("pglite", () =>
  vitest("Integration tests again on the embedded PGlite database (the zero-setup default)", "integration", "test-results/integration-pglite.json", { TEST_DB: "pglite" }),
);
run("e2e", () => {
  const chromium = ensureChromium();
  rmSync("test-results/e2e-report.json", { force: true });
  const ok = step("Browser tests (Playwright, Chromium)", "npx", ["playwright", "test"], chromium ? { CHROMIUM_PATH: chromium } : {});
  count("test-results/e2e-report.json", "playwright");
  return ok;
});

console.log(`\n${failures.length ? `Failed steps: ${failures.join(", ")}` : "All steps passed."}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
