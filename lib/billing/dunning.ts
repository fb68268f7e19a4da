/**
 * Dunning: what happens between a failed payment and the next successful one. The
 * subscription keeps its plan while Stripe retries the card; after the grace period
 * (BILLING_GRACE_DAYS) the org turns read-only, and a paid invoice lifts that at once.
 * Pure rules here; lib/billing/sync.ts stores their result and lib/orgs/context.ts enforces it.
 */

/** Statuses in which a payment is overdue. */
export const DUNNING_STATUSES: ReadonlySet<string> = new Set(["past_due", "unpaid"]);

export type DunningState = {
  /** When the overdue stretch began; null when nothing is overdue. */
  paymentFailedAt: Date | null;
  /** When the org stops accepting writes; null when nothing is overdue. */
  graceEndsAt: Date | null;
};

const DAY_MS = 86_400_000;

/**
 * The dunning state after reading `status` at `readAt`. An overdue stretch that was already
 * under way keeps its start, so redeliveries and later reads never extend the grace period.
 */
export function nextDunningState(previous: { status: string; paymentFailedAt: Date | null } | null, status: string, readAt: Date, graceDays: number): DunningState {
  if (!DUNNING_STATUSES.has(status)) return { paymentFailedAt: null, graceEndsAt: null };
  const started = previous && DUNNING_STATUSES.has(previous.status) && previous.paymentFailedAt ? previous.paymentFailedAt : readAt;
  return { paymentFailedAt: started, graceEndsAt: new Date(started.getTime() + graceDays * DAY_MS) };
}

/** Whether writes are refused at `now`. */
export const isReadOnly = (graceEndsAt: Date | null, now: Date = new Date()) => graceEndsAt !== null && graceEndsAt.getTime() <= now.getTime();
