import type { UsageMetric } from "./usage-metrics";

/** Counts to add to one org's counter for one UTC day (`YYYY-MM-DD`) and metric. */
export type UsageDelta = { orgId: string; day: string; metric: UsageMetric; quantity: number };

const SEP = "\u0000";
const keyOf = (orgId: string, day: string, metric: string) => [orgId, day, metric].join(SEP);

/** The UTC day `at` falls on, as Postgres reads a `date`. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Usage counted in memory between flushes: one entry per org, day and metric however many
 * events, so recording is a Map update and a flush writes one row per entry. At most
 * `maxEntries` entries are held: while the database is unreachable, counts for entries already
 * held keep adding up, and new entries beyond the bound are dropped and counted in `dropped`
 * (memory stays bounded however long the outage lasts).
 */
export class UsageAggregator {
  private entries = new Map<string, UsageDelta>();
  dropped = 0;

  constructor(private readonly maxEntries = 50_000) {}

  get size(): number {
    return this.entries.size;
  }

  add(orgId: string, metric: UsageMetric, quantity = 1, at = new Date()): void {
    if (!Number.isSafeInteger(quantity) || quantity <= 0) return;
    this.merge({ orgId, day: utcDay(at), metric, quantity });
  }

  /** Takes every pending count out, for one flush; `restore` puts back what could not be written. */
  drain(): UsageDelta[] {
    const taken = [...this.entries.values()];
    this.entries = new Map();
    return taken;
  }

  /** Puts a failed flush's counts back, added to whatever was recorded meanwhile. */
  restore(deltas: UsageDelta[]): void {
    for (const delta of deltas) this.merge(delta);
  }

  private merge(delta: UsageDelta): void {
    const key = keyOf(delta.orgId, delta.day, delta.metric);
    const held = this.entries.get(key);
    if (held) {
      held.quantity += delta.quantity;
      return;
    }
    if (this.entries.size >= this.maxEntries) {
      this.dropped += delta.quantity;
      return;
    }
    this.entries.set(key, { ...delta });
  }
}
