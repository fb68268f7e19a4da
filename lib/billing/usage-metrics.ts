/**
 * What the app meters, in one place: each metric is counted per org and UTC day in
 * `usage_counters` and reported to the Stripe meter whose event name is given here. Create a
 * meter with that event name in Stripe (sum aggregation, customer mapping
 * `stripe_customer_id`, value key `value`) for each metric you bill; docs/billing.md says how.
 */
export const USAGE_METRICS = {
  projects_created: { meterEventName: "tenantkit_projects_created" },
  /** Public-API requests made with an API key; dashboard (session) requests are not API calls. */
  api_calls: { meterEventName: "tenantkit_api_calls" },
} as const;

export type UsageMetric = keyof typeof USAGE_METRICS;

export const isUsageMetric = (name: string): name is UsageMetric => Object.hasOwn(USAGE_METRICS, name);
