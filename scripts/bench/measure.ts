import { load, type LoadResult } from "./load";
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

async function send(route: Route): Promise<number> {
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

/**
 * Loads the route and measures the CPU time `cpuMillis` reports for the server over the
 * measured window. The server under load talks to the database directly: the statement
 * counter, a process of its own on the same cores, would slow the routes that query and not
 * the baseline.
 */
export async function measureUnderLoad(route: Route, cpuMillis: (() => number) | null, options: { connections: number; warmup: number; seconds: number }): Promise<{ load: LoadResult; cpuMs: number | null }> {
  if (cpuMillis) await idle(cpuMillis);
  let opened = 0;
  let used: number | null = null;
  const result = await load(route.target, options, {
    onOpen: () => (opened = cpuMillis?.() ?? 0),
    onClose: () => (used = cpuMillis ? cpuMillis() - opened : null),
  });
  return { load: result, cpuMs: used };
}
