/** The subscription fields that decide which one is an org's current subscription. */
type Candidate = { status: string; created: number };

/** Statuses a subscription never leaves. */
export const ENDED_STATUSES: ReadonlySet<string> = new Set(["canceled", "incomplete_expired"]);

/**
 * Of a customer's subscriptions (any order, any status), the one the org's state should
 * follow: the newest that has not ended, else the newest ended one (its end is the news), or
 * null when the customer has none at all.
 */
export function currentSubscription<S extends Candidate>(subscriptions: readonly S[]): S | null {
  const newestFirst = [...subscriptions].sort((a, b) => b.created - a.created);
  return newestFirst.find((s) => !ENDED_STATUSES.has(s.status)) ?? newestFirst[0] ?? null;
}
