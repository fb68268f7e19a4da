import type { PlanId } from "@/lib/billing/plans";

export type PlanCache = {
  get(key: string): PlanId | undefined;
  set(key: string, plan: PlanId): void;
};

/**
 * Which plan a caller's org was on when this process last answered that caller, for a short
 * while and for a bounded number of callers (the least recently answered are dropped first).
 * It only lets a flood be refused before a database connection is taken: every request that
 * reaches the database is decided again with the plan read there (see lib/api/org-rate-limit.ts).
 */
export function createPlanCache({ ttlMs, maxEntries, now = Date.now }: { ttlMs: number; maxEntries: number; now?: () => number }): PlanCache {
  const entries = new Map<string, { plan: PlanId; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.plan;
    },
    set(key, plan) {
      // Re-inserting moves the key to the end of the Map's order, so the first key is the stalest.
      entries.delete(key);
      entries.set(key, { plan, expiresAt: now() + ttlMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
