/**
 * The statement counter (tests/support/pg-statement-counter.ts) in a process of its own, so
 * that parsing the app's database traffic never delays the load generator's clock.
 * Started by scripts/bench/statement-counter.ts with BENCH_COUNTER_TARGET and BENCH_COUNTER_PORT.
 */
import { isJobWorkerPolling, startStatementCounter } from "../../tests/support/pg-statement-counter";
import { serveParent } from "./child-process";

/**
 * Not part of any request: the job worker's polling, and the usage counts the app writes in
 * one batch every few seconds (lib/billing/usage-recorder.ts), whatever the traffic.
 */
const timerDriven = (sql: string) => isJobWorkerPolling(sql) || sql.includes("app_record_usage(");

const startCounter = async () => {
  const counter = await startStatementCounter({
    targetUrl: process.env.BENCH_COUNTER_TARGET!,
    port: Number(process.env.BENCH_COUNTER_PORT ?? 0),
    ignore: timerDriven,
  });
  const handlers = {
    reset: () => counter.reset(),
    count: () => counter.count(),
    statements: () => counter.statements(),
    stop: () => counter.stop(),
  };
  return { handlers, ready: counter.url };
};

export type CounterApi = Awaited<ReturnType<typeof startCounter>>["handlers"];

await serveParent(startCounter);
