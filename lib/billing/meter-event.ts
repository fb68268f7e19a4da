import type Stripe from "stripe";
import { USAGE_METRICS, isUsageMetric } from "./usage-metrics";

/** Stripe accepts meter events up to 35 days old; a day is reported while it is younger than this. */
export const REPORTABLE_DAYS = 34;
export const DAY_MS = 86_400_000;

/** A counter's unreported range: usage from `from` (reported so far) to `to` (the total being reported). */
export type Claim = { day: Date; metric: string; from: bigint; to: bigint };

/**
 * What a report of one counter sends: the delta since the last accepted report, stamped at the
 * end of its day (or now, for today). The identifier names the range (`from`-`to`) the event
 * covers, so a retry of the same report is the same event and Stripe counts it once.
 */
export function meterEvent(customerId: string, orgId: string, claim: Claim, now = new Date()): Stripe.Billing.MeterEventCreateParams | null {
  if (!isUsageMetric(claim.metric) || claim.to <= claim.from) return null;
  const dayEnd = claim.day.getTime() + DAY_MS - 1000;
  const day = claim.day.toISOString().slice(0, 10);
  return {
    event_name: USAGE_METRICS[claim.metric].meterEventName,
    payload: { stripe_customer_id: customerId, value: String(claim.to - claim.from) },
    identifier: `${orgId}:${day}:${claim.metric}:${claim.from}-${claim.to}`,
    timestamp: Math.floor(Math.min(dayEnd, now.getTime()) / 1000),
  };
}
