import autocannon from "autocannon";

export type Target = { url: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };

export type LoadResult = {
  seconds: number;
  /** Answers received in the measured window. */
  requests: number;
  /** Answers received in the whole run, warm-up included. */
  answered: number;
  reqPerSec: number;
  /** Of the requests sent in the measured window (and answered in it). */
  latencyMs: LatencySummary;
  /** Connection errors and timeouts: requests that got no answer at all. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

/** The value at percentile `p` of ascending `sorted` (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type LatencySummary = { p50: number; p95: number; p99: number; mean: number; max: number };

/** Exact percentiles, mean and maximum of `latencies` (ms). */
export function summariseLatencies(latencies: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
    max: sorted.length ? sorted[sorted.length - 1]! : 0,
  };
}

export type Window = {
  /** Called when the measured window opens, after the warm-up. */
  onOpen?: () => void;
  /** Called when it closes, while the load is still running. */
  onClose?: () => void;
  /** Sees the latency (ms) of each request the summary counts, so runs can be summarised together. */
  onLatency?: (ms: number) => void;
};

/**
 * How an answer received at `at` (performance.now()) to a request that took `latency` ms counts
 * in the window [openedAt, closedAt): in the rate if it arrived in it, and with its latency if
 * its request was also sent in it.
 */
export function inWindow(at: number, latency: number, { openedAt, closedAt }: { openedAt: number; closedAt: number }): "no" | "in the rate" | "with its latency" {
  if (at < openedAt || at >= closedAt) return "no";
  return at - latency >= openedAt ? "with its latency" : "in the rate";
}

/**
 * Keeps `connections` requests to `target` in flight (autocannon, one request per connection at
 * a time) through a warm-up and a measured window, in one run so that connections stay open
 * across the two. The window closes while the load still runs, so that both of its edges see
 * the same steady state: what happens in it (answers here, statements at the caller through
 * `onOpen` / `onClose`) can be divided by its length or by each other. The rate counts the
 * answers received in the window. Latencies are those of the requests sent in it, summarised
 * exactly (autocannon's own summary has no 95th percentile): the first requests of a run,
 * sent on 50 new connections at once, could take longer than the warm-up to be answered (a
 * dashboard page's, 2.0–2.5 s), and counting them made every page's p99 a measure of the
 * warm-up. Errors and non-2xx answers count the whole run, warm-up included.
 */
export async function load(target: Target, { connections, warmup, seconds }: { connections: number; warmup: number; seconds: number }, window: Window = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  let requests = 0;
  let openedAt = Infinity;
  let closedAt = Infinity;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      // The duration only bounds the run: it is stopped once the window has closed.
      { url: target.url, method: target.method ?? "GET", headers: target.headers, body: target.body, connections, duration: warmup + seconds + 60, timeout: 30 },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("start", () => {
      setTimeout(() => {
        openedAt = performance.now();
        window.onOpen?.();
      }, warmup * 1000);
      setTimeout(() => {
        closedAt = performance.now();
        window.onClose?.();
        instance.stop();
      }, (warmup + seconds) * 1000);
    });
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      const now = performance.now();
      const counted = inWindow(now, responseTime, { openedAt, closedAt });
      if (counted !== "no") requests += 1;
      if (counted === "with its latency") {
        latencies.push(responseTime);
        window.onLatency?.(responseTime);
      }
    });
  });
  const windowSeconds = Number.isFinite(closedAt - openedAt) ? (closedAt - openedAt) / 1000 : 0;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0]));
  return {
    seconds: windowSeconds,
    requests,
    answered: Object.values(statusCodes).reduce((a, b) => a + b, 0),
    reqPerSec: windowSeconds > 0 ? requests / windowSeconds : 0,
    latencyMs: summariseLatencies(latencies),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
