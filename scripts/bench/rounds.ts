import { percentile, summariseLatencies, type LoadResult } from "./load";
import type { CpuPart } from "./measure";

/** One measured window of a route, with the latencies it counted and the baseline rate around it. */
export type RoundMeasurement = {
  load: LoadResult;
  latencies: number[];
  cpuMs: Partial<Record<CpuPart, number>>;
  peakRssBytes: number | null;
  /** The mean of the baseline runs just before and just after this window. */
  baselineReqPerSec: number;
};

/**
 * A route measured in several rounds, as one result. Counts, CPU time and latencies are pooled:
 * the rate is every answer over every measured second, the percentiles are those of every
 * request. The share of the baseline is the median (nearest rank: the lower middle one over an
 * even number) of the rounds' own shares, each taken against the baseline runs around it: a
 * machine whose speed drifts moves a round's route and baseline together, and one round caught
 * in a burst of other work cannot move a median of three.
 */
export function poolRounds(rounds: RoundMeasurement[]) {
  if (rounds.length === 0) throw new Error("poolRounds needs at least one round");
  const loads = rounds.map((r) => r.load);
  const sum = (pick: (l: LoadResult) => number) => loads.reduce((total, l) => total + pick(l), 0);
  const seconds = sum((l) => l.seconds);
  const requests = sum((l) => l.requests);
  const statusCodes: Record<string, number> = {};
  for (const l of loads) for (const [code, count] of Object.entries(l.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const cpuMs: Partial<Record<CpuPart, number>> = {};
  for (const r of rounds) for (const [part, ms] of Object.entries(r.cpuMs) as [CpuPart, number][]) cpuMs[part] = (cpuMs[part] ?? 0) + ms;
  const peaks = rounds.map((r) => r.peakRssBytes).filter((peak): peak is number => peak !== null);
  const shares = rounds.map((r) => (r.baselineReqPerSec > 0 ? r.load.reqPerSec / r.baselineReqPerSec : 0));
  const load: LoadResult = {
    seconds,
    requests,
    answered: sum((l) => l.answered),
    reqPerSec: seconds > 0 ? requests / seconds : 0,
    latencyMs: summariseLatencies(rounds.flatMap((r) => r.latencies)),
    errors: sum((l) => l.errors),
    timeouts: sum((l) => l.timeouts),
    non2xx: sum((l) => l.non2xx),
    statusCodes,
  };
  return {
    load,
    cpuMs,
    peakRssBytes: peaks.length ? Math.max(...peaks) : null,
    baselineReqPerSec: rounds.reduce((total, r) => total + r.baselineReqPerSec, 0) / rounds.length,
    shareOfBaseline: percentile(Float64Array.from(shares).sort(), 50),
    roundShares: shares,
  };
}
