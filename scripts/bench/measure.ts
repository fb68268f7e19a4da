import { load, type LoadResult } from "./load";
import { cpuBetween, type CpuMeter } from "./process-tree";
import type { Route } from "./routes";

/** The statement counter's handle, as the bench drives it (scripts/bench/statement-counter.ts). */
export type Counter = {
  reset(): Promise<unknown>;
  count(): Promise<number>;
  statements(): Promise<{ connection: number; sql: string }[]>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the server has sent no statement for a while: requests still in flight when a
 * load run ended finish on the server after the client has hung up.
 */
async function quiet(counter: Counter, { settleMs = 300, timeoutMs = 15_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await counter.reset();
    await sleep(settleMs);
    if ((await counter.count()) === 0) return;
  }
  throw new Error(`The server kept running statements for ${timeoutMs / 1000} s after the load stopped`);
}

/** One request, read to its end; its status. */
export async function send(route: Route): Promise<number> {
  const { url, method = "GET", headers, body } = route.target;
  const res = await fetch(url, { method, headers, body, redirect: "manual" });
  await res.arrayBuffer();
  return res.status;
}

/**
 * The statements one request costs: a first request warms the path (connections, caches),
 * then the counter is reset, a second is sent alone, and what the server received by the
 * time its answer arrived is read.
 */
export async function statementsOfOneRequest(route: Route, counter: Counter) {
  await send(route);
  await quiet(counter);
  const status = await send(route);
  const statements = await counter.statements();
  return { status, statements: statements.length, sql: statements.map((s) => s.sql.replace(/\s+/g, " ").trim()) };
}

/**
 * Waits until the server is nearly idle (under a fifth of a core for a quarter of a second):
 * when a load run stops, the server still owes the answers in flight, up to `connections` slow
 * pages, which would otherwise be paid for by the next route's measurement.
 */
async function idle(cpuMillis: () => number, { timeoutMs = 15_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const before = cpuMillis();
    await sleep(250);
    if (cpuMillis() - before < 50) return;
  }
}

/** Where the CPU time of a measured window went: the app server, the database, Redis, and the whole machine (they plus the load generator, the kernel and anything else running). */
export type CpuPart = "server" | "database" | "redis" | "machine";
export type CpuMeters = Partial<Record<CpuPart, CpuMeter>>;

/**
 * Loads the route and measures, over the measured window, the CPU time each meter reports.
 * The server under load talks to the database directly: the statement counter, a process of
 * its own on the same cores, would slow the routes that query and not the baseline.
 */
export async function measureUnderLoad(
  route: Route,
  meters: CpuMeters,
  options: { connections: number; warmup: number; seconds: number },
): Promise<{ load: LoadResult; latencies: number[]; cpuMs: Partial<Record<CpuPart, number>> }> {
  const server = meters.server;
  if (server) await idle(() => cpuBetween(new Map(), server()));
  const parts = Object.entries(meters) as [CpuPart, CpuMeter][];
  let opened: Map<number, number>[] = [];
  const cpuMs: Partial<Record<CpuPart, number>> = {};
  const latencies: number[] = [];
  const result = await load(route.target, options, {
    onOpen: () => (opened = parts.map(([, meter]) => meter())),
    onClose: () => parts.forEach(([part, meter], i) => (cpuMs[part] = cpuBetween(opened[i]!, meter()))),
    onLatency: (ms) => latencies.push(ms),
  });
  return { load: result, latencies, cpuMs };
}
