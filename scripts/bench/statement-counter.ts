import path from "node:path";
import { startChild } from "./child-process";
import type { Counter } from "./measure";
import type { CounterApi } from "./statement-counter-child";

/** The statement counter between the app and `targetUrl`, in its own process; `url` is where the app connects. */
export async function startCounterProcess(targetUrl: string, port: number): Promise<Counter & { url: string; stop(): Promise<void> }> {
  const { child, ready } = await startChild<CounterApi, string>(path.resolve("scripts/bench/statement-counter-child.ts"), {
    ...process.env,
    BENCH_COUNTER_TARGET: targetUrl,
    BENCH_COUNTER_PORT: String(port),
  });
  return {
    url: ready,
    reset: () => child.call("reset"),
    count: () => child.call("count"),
    statements: () => child.call("statements"),
    stop: () => child.stop(),
  };
}
