import { execFileSync } from "node:child_process";
import { cpus, loadavg, release, totalmem } from "node:os";
import type { ProfileSummary } from "./cpu-profile";
import type { LoadResult } from "./load";
import type { CpuPart } from "./measure";
import type { PageScripts } from "./page-scripts";

export type RouteResult = {
  key: string;
  name: string;
  method: string;
  path: string;
  auth: "none" | "cookie" | "api key";
  load: LoadResult;
  /** The `/api/health?live` rate this route is compared with: the mean of the baseline measured just before and just after it (for the baseline rows, of every baseline measurement). */
  baselineReqPerSec: number;
  /** Requests per second as a share of the baseline: over several rounds, the median of the rounds' shares. */
  shareOfBaseline: number;
  /** Each round's share of the baseline runs around it (one entry without --rounds). */
  roundShares: number[];
  /** Statements the server received for one request sent alone (after one warm-up request), and their SQL. */
  oneRequest: { status: number; statements: number; sql: string[] };
  /**
   * CPU time used in the measured window divided by the requests answered in it: by the server's
   * process tree, the database's processes, Redis, and the whole machine (empty without /proc).
   */
  cpuMsPerRequest: Partial<Record<CpuPart, number>>;
  /** Peak resident memory of the server's process tree while this route was loaded. */
  peakRssBytes: number | null;
};

export function machineFacts() {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    totalMemoryBytes: totalmem(),
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverage: loadavg(),
  };
}

export function gitState(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() !== "";
    return { commit, dirty };
  } catch {
    return null;
  }
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Columns padded to their widest cell; numbers right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const CPU_COLUMNS: [CpuPart, string][] = [
  ["server", "server"],
  ["database", "db"],
  ["redis", "redis"],
  ["machine", "machine"],
];
const ROUTE_COLUMNS = ["route", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "non-2xx", "of live", "stmts (1 req)", ...CPU_COLUMNS.map(([, name]) => `${name} CPU ms/req`)];

export function perRequest(cpuMs: Partial<Record<CpuPart, number>>, requests: number): Partial<Record<CpuPart, number>> {
  if (requests === 0) return {};
  return Object.fromEntries(Object.entries(cpuMs).map(([part, ms]) => [part, ms / requests]));
}

/** The same table in Markdown, for the README and pull requests. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

export function routeTable(routes: RouteResult[], format: "text" | "markdown" = "text"): string {
  return (format === "markdown" ? markdownTable : formatTable)(
    ROUTE_COLUMNS,
    routes.map((r) => [
      r.name,
      r.load.reqPerSec.toFixed(0),
      ms(r.load.latencyMs.p50),
      ms(r.load.latencyMs.p95),
      ms(r.load.latencyMs.p99),
      String(r.load.errors),
      String(r.load.non2xx),
      `${(r.shareOfBaseline * 100).toFixed(1)}%`,
      String(r.oneRequest.statements),
      ...CPU_COLUMNS.map(([part]) => r.cpuMsPerRequest[part]?.toFixed(2) ?? "n/a"),
    ]),
  );
}

export function pageScriptsLine(scripts: PageScripts): string {
  return `JavaScript of ${scripts.url}: ${kilobytes(scripts.totalGzipBytes)} gzipped (level 6, each body once) in ${scripts.scripts.length} scripts`;
}

export function profileTable(summary: ProfileSummary): string {
  return formatTable(
    ["function (self time)", "ms", "% busy", "where"],
    summary.top.map((f) => [f.function.slice(0, 50), f.selfMs.toFixed(0), f.selfPercent.toFixed(1), f.location]),
  );
}
