import type { RateLimitResult } from "./limiter";

const secondsUntil = (ms: number, now: number) => Math.max(0, Math.ceil((ms - now) / 1000));

/**
 * Response headers for a limit check, as in the IETF RateLimit header fields draft
 * (`RateLimit-Reset` in seconds from now) plus `Retry-After` on a denied request.
 * A degraded result (store down) has no counts to report, so it gets no RateLimit-* headers.
 */
export function rateLimitHeaders(result: RateLimitResult, now: number = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!result.degraded) {
    headers["RateLimit-Limit"] = String(result.limit);
    headers["RateLimit-Remaining"] = String(result.remaining);
    headers["RateLimit-Reset"] = String(secondsUntil(result.reset, now));
  }
  if (!result.success) {
    // At least 1 s: "Retry-After: 0" invites an immediate retry that will be denied again.
    headers["Retry-After"] = String(Math.max(1, secondsUntil(result.reset, now)));
  }
  return headers;
}
