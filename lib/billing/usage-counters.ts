import type { Tx } from "@/lib/db/tenant-transaction";
import type { UsageMetric } from "./usage-metrics";

/** The first day of the month `at` falls in, UTC: usage limits are per calendar month. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** The org's recorded (flushed) count of `metric` this month; runs in the org's transaction. */
export async function usageThisMonth(tx: Tx, orgId: string, metric: UsageMetric, now = new Date()): Promise<number> {
  const total = await tx.usageCounter.aggregate({ where: { orgId, metric, day: { gte: monthStart(now) } }, _sum: { quantity: true } });
  return Number(total._sum.quantity ?? 0);
}
