import type { PlanId } from "@/lib/billing/plans";

export type PlanCache = {
  get(key: string): PlanId | undefined;
  set(key: string, plan: PlanId): void;
  /** The caller's own bucket refused it in a window that ends at `until` (Unix ms). */
  refused(key: string, until: number): void;
  /** Whether this process saw the caller's own bucket refuse it in a window not yet over. */
  refusing(key: string): boolean;
};

type Entry = { plan: PlanId; expiresAt: number; refusedUntil: number };

/**
 * Which plan a caller's org was on when this process last answered that caller, and whether
 * its own bucket refused it in the current window, for a short while and for a bounded number
 * of callers (the least recently answered are dropped first). It only lets a flood be refused
 * before a database connection is taken, and decides whether the org's bucket is counted
 * together with the caller's: every request that reaches the database is decided again with
 * the plan read there (see lib/api/org-rate-limit.ts).
 */
export function createPlanCache({ ttlMs, maxEntries, now = Date.now }: { ttlMs: number; maxEntries: number; now?: () => number }): PlanCache {
  const entries = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    get: (key) => live(key)?.plan,
    set(key, plan) {
      const refusedUntil = live(key)?.refusedUntil ?? 0;
      // Re-inserting moves the key to the end of the Map's order, so the first key is the stalest.
      entries.delete(key);
      entries.set(key, { plan, expiresAt: now() + ttlMs, refusedUntil });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    refused(key, until) {
      const entry = live(key);
      if (entry) entry.refusedUntil = Math.max(entry.refusedUntil, until);
    },
    refusing: (key) => (live(key)?.refusedUntil ?? 0) > now(),
  };
}
