import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { perProcess } from "@/lib/per-process";
import { UsageAggregator, type UsageDelta } from "./usage-aggregator";
import type { UsageMetric } from "./usage-metrics";

/** How often pending counts are written. A crash loses at most this much counting. */
export const USAGE_FLUSH_INTERVAL_MS = 2_000;

type Recorder = { aggregator: UsageAggregator; timer?: NodeJS.Timeout; flushing?: Promise<void> };

// One per process and database (per-process.ts): the counts belong to the database they are written to.
const recorder = perProcess<Recorder>("usage", [env.DATABASE_URL], () => ({ aggregator: new UsageAggregator() }));

/**
 * Counts `quantity` of `metric` for the org, in memory: cheap enough for every request. The
 * count reaches `usage_counters` with the next flush (every USAGE_FLUSH_INTERVAL_MS, and when
 * the process is asked to stop). Call it as the last step of the change it counts: only a
 * failing commit can then leave a count without its change.
 *
 * `api_calls` is for the public API's key-authenticated path; dashboard requests are not counted.
 */
export function recordUsage(orgId: string, metric: UsageMetric, quantity = 1): void {
  recorder.aggregator.add(orgId, metric, quantity);
  startFlushing();
}

/** Writes every pending count in one round trip; a failure keeps them for the next attempt. */
export function flushUsage(): Promise<void> {
  recorder.flushing ??= writePending().finally(() => (recorder.flushing = undefined));
  return recorder.flushing;
}

async function writePending(): Promise<void> {
  const pending = recorder.aggregator.drain();
  if (pending.length === 0) return;
  try {
    await writeDeltas(pending);
  } catch (error) {
    recorder.aggregator.restore(pending);
    log.warn("usage counts not written yet; kept for the next flush", { component: "usage", entries: recorder.aggregator.size, dropped: recorder.aggregator.dropped, error });
  }
}

async function writeDeltas(deltas: UsageDelta[]): Promise<void> {
  await db.$executeRaw`select app_record_usage(
    ${deltas.map((d) => d.orgId)}::text[],
    ${deltas.map((d) => d.day)}::date[],
    ${deltas.map((d) => d.metric)}::text[],
    ${deltas.map((d) => BigInt(d.quantity))}::bigint[])`;
}

function startFlushing(): void {
  if (recorder.timer) return;
  recorder.timer = setInterval(() => void flushUsage(), USAGE_FLUSH_INTERVAL_MS);
  // The timer alone does not keep a process alive; stopping flushes what is left.
  recorder.timer.unref();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void flushUsage());
  process.once("beforeExit", () => void flushUsage());
}

/**
 * Counts one public-API request for the org: the API-key path calls this once the key is
 * resolved. Dashboard (session) requests are not API calls and are never counted.
 */
export const recordApiCall = (orgId: string) => recordUsage(orgId, "api_calls");
