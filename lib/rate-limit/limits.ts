import type { Duration } from "@upstash/ratelimit";
import type { PlanId } from "@/lib/billing/plans";

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
  /**
   * `sliding` (the default) counts only allowed requests, weighting the previous window.
   * `fixed` counts every request, refused ones too, and starts afresh at each window's end:
   * the store's answer is then the same whatever the caller's plan allows, so the plan can
   * be applied after the count (lib/rate-limit/plan-limits.ts), and Retry-After is exact.
   */
  algorithm?: "sliding" | "fixed";
};

/** Read and write API requests per minute. */
export type ApiRates = { read: number; write: number };

/**
 * API rate limits by plan, per minute. `org` is shared by everyone calling one route group of
 * an organisation (projects reads, members writes…); `caller` is each API key's, and each
 * signed-in person's, own share of it, kept below `org` so that one runaway integration or tab
 * leaves room for everyone else. The dashboard needs a few requests a minute per person
 * (pages render on the server; client queries are cached for 30 s), so Free stays comfortable.
 * The monthly API-call quota is an entitlement in lib/billing/plans.ts (a 402, not a 429).
 */
export const API_RATES = {
  free: { org: { read: 300, write: 60 }, caller: { read: 120, write: 30 } },
  pro: { org: { read: 1_200, write: 300 }, caller: { read: 600, write: 150 } },
  enterprise: { org: { read: 6_000, write: 1_500 }, caller: { read: 3_000, write: 750 } },
} as const satisfies Record<PlanId, { org: ApiRates; caller: ApiRates }>;

const mostGenerous = (pick: (rates: (typeof API_RATES)[PlanId]) => number) => Math.max(...Object.values(API_RATES).map(pick));

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
  /**
   * Tenant API calls (withOrg), per org + route group and per caller, by plan (API_RATES).
   * `tokens` is the most generous plan's number: the store counts up to it and the org's plan
   * decides (lib/rate-limit/plan-limits.ts).
   */
  "api:org:read": { tokens: mostGenerous((r) => r.org.read), window: "1 m", algorithm: "fixed", onStoreFailure: "open" },
  "api:org:write": { tokens: mostGenerous((r) => r.org.write), window: "1 m", algorithm: "fixed", onStoreFailure: "open" },
  "api:caller:read": { tokens: mostGenerous((r) => r.caller.read), window: "1 m", algorithm: "fixed", onStoreFailure: "open" },
  "api:caller:write": { tokens: mostGenerous((r) => r.caller.write), window: "1 m", algorithm: "fixed", onStoreFailure: "open" },
  /**
   * Tenant API calls from callers not yet seen as members of the org in this process, per IP:
   * each one costs a database lookup, and forged keys or strangers never become members.
   */
  "api:unverified-ip": { tokens: 600, window: "1 m", onStoreFailure: "open" },
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
