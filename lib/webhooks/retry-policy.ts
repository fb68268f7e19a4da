/**
 * When a failed delivery is tried again: five times longer after each failure, from
 * WEBHOOKS_RETRY_BASE_MS (a minute by default: 1, 5, 25 minutes, then about 2 and 10 hours, so
 * six attempts cover half a day), each wait jittered by ±20% so that the retries of many
 * deliveries to an endpoint that was down do not arrive together when it comes back.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random: () => number = Math.random): number {
  const delay = baseMs * 5 ** Math.max(0, failedAttempts - 1);
  return Math.round(delay * (0.8 + 0.4 * random()));
}
