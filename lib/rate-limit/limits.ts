import type { Duration } from "@upstash/ratelimit";

/**
 * What happens when the store errors or does not answer in time:
 * - `closed` denies the request: brute-forcing sign-in must not get easier because Redis is down.
 * - `open` allows it (and logs): an API should not go down with its rate-limit store.
 */
export type FailurePolicy = "open" | "closed";

export type LimitRule = {
  /** Requests allowed per window, before `RATE_LIMIT_MULTIPLIER`. */
  tokens: number;
  window: Duration;
  onStoreFailure: FailurePolicy;
};

/** Every named limit in the app. Callers pick a name; numbers live only here. */
export const limits = {
  /** Sign-in, sign-up and magic-link requests from one IP address. */
  "auth:ip": { tokens: 20, window: "1 m", onStoreFailure: "closed" },
  /** Password changes for one account. */
  "auth:email": { tokens: 5, window: "15 m", onStoreFailure: "closed" },
  /**
   * Magic links: per address + IP, so a stranger asking for links to someone else's address
   * uses up only their own bucket, and per address from anywhere with a higher cap, so
   * nobody can flood an inbox.
   */
  "auth:magic-link:email-ip": { tokens: 5, window: "15 m", onStoreFailure: "closed" },
  "auth:magic-link:email": { tokens: 20, window: "1 h", onStoreFailure: "closed" },
  /** Email-change requests: per account, and per target address (each mails it). */
  "auth:email-change": { tokens: 5, window: "15 m", onStoreFailure: "closed" },
  "auth:email-change:address": { tokens: 5, window: "1 h", onStoreFailure: "closed" },
  /**
   * Wrong passwords, counted only when they fail. Per email + IP, so a stranger's guesses
   * never lock the owner out from their own network, and per IP, so one address cannot
   * spray many accounts. Magic links and sign-up have buckets of their own.
   */
  "auth:password-failures:email-ip": { tokens: 5, window: "15 m", onStoreFailure: "closed" },
  "auth:password-failures:ip": { tokens: 30, window: "15 m", onStoreFailure: "closed" },
  /** Sign-ups per address: each one emails that address (a verification or "you already have an account"). */
  "auth:sign-up-email": { tokens: 3, window: "1 h", onStoreFailure: "closed" },
  /** Verification emails sent again, per address. */
  "auth:verify-resend": { tokens: 3, window: "1 h", onStoreFailure: "closed" },
  /** Two-factor codes (TOTP or recovery) per user: six digits must not be guessable. */
  "auth:two-factor": { tokens: 5, window: "5 m", onStoreFailure: "closed" },
  /** Authenticated API calls, keyed by org + route, whether by session or API key. */
  "api:org": { tokens: 600, window: "1 m", onStoreFailure: "open" },
  /** Authenticated calls about the user rather than one org, keyed by user + route. */
  "api:user": { tokens: 300, window: "1 m", onStoreFailure: "open" },
  /** Anonymous API calls, keyed by IP address. */
  "api:ip": { tokens: 60, window: "1 m", onStoreFailure: "open" },
  /** Resending one invitation, keyed by its id: each resend emails a real person. */
  "invite:resend": { tokens: 3, window: "1 h", onStoreFailure: "open" },
  /** Invitation requests by one user, in any org (each may list up to 20 addresses): each one emails people. */
  "invite:send": { tokens: 10, window: "1 h", onStoreFailure: "open" },
  /** Organizations one user creates (their personal org at sign-up is not counted). */
  "org:create": { tokens: 5, window: "1 h", onStoreFailure: "open" },
} as const satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof limits;

/**
 * Tests and load runs raise the multiplier instead of switching limits off, so the code
 * path stays the one production runs. Never below 1: a limit of 0 would lock everyone out.
 */
export function scaledTokens(tokens: number, multiplier: number): number {
  return Math.max(1, Math.floor(tokens * multiplier));
}

/** How long one limit check may wait for the store before the failure policy decides. */
export const STORE_TIMEOUT_MS = 1_000;

/** Retry-After for a request denied because the store failed (fail-closed limits). */
export const STORE_FAILURE_RETRY_MS = 10_000;
