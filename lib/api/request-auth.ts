import type { NextRequest } from "next/server";
import { getPrincipal } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/principal";
import { parseApiKey } from "@/lib/api-keys/format";
import { apiKeyRefused } from "@/lib/api-keys/refusal";
import type { Caller } from "@/lib/orgs/context";
import { rateLimit, rateLimitHeaders, type LimitName, type RateLimitResult } from "@/lib/rate-limit";
import { AppError } from "./errors";
import { assertSameOrigin } from "./same-origin";

/** The refusal of an API key on a route that acts for a signed-in person (account, sign-in, sign-out). */
export const cookieOnly = () =>
  new AppError("unauthenticated", "API keys cannot be used on this route: it acts for a signed-in person. Sign in to the dashboard instead.");

/** The session cookie, for routes about a person (withUser): an API key is refused, not ignored. */
export async function authenticate(req: NextRequest): Promise<Principal> {
  if (bearerToken(req) !== null) throw cookieOnly();
  const principal = await getPrincipal(req.cookies);
  if (!principal) throw new AppError("unauthenticated", "Sign in to continue.");
  assertSameOrigin(req);
  return principal;
}

/**
 * Tenant routes (withOrg): an `Authorization: Bearer` API key, else the session cookie. A key
 * request carries no cookie the browser could attach on another site's behalf, so it skips the
 * same-origin check. Anything in the header that is not a well-formed key is refused before
 * the database is asked.
 */
export async function authenticateOrgCaller(req: NextRequest): Promise<Caller> {
  const token = bearerToken(req);
  if (token === null) return authenticate(req);
  const key = parseApiKey(token);
  if (!key) throw apiKeyRefused();
  return key;
}

/**
 * The credential of an `Authorization: Bearer` header, else null. Other schemes are not ours
 * (a Basic-auth proxy in front of a staging site sends one on every request) and are ignored.
 */
export function bearerToken(req: NextRequest): string | null {
  const match = /^\s*Bearer(?:\s+(.*?))?\s*$/i.exec(req.headers.get("authorization") ?? "");
  return match ? (match[1] ?? "") : null;
}

export async function enforceRateLimit(name: LimitName, key: string): Promise<{ headers: Record<string, string> }> {
  const result = await rateLimit(name, key);
  const headers = rateLimitHeaders(result);
  if (result.success) return { headers };
  throw rateLimitRefusal(result, headers, { limit: name });
}

/**
 * The refusal for a request a rate limit denied: 429 `rate_limited` with Retry-After, its
 * extension members naming the limit (distinct from a plan quota's 402 `plan_limit`). A
 * fail-closed limit whose store is down is a 503 instead: the caller did nothing wrong.
 */
export function rateLimitRefusal(
  result: RateLimitResult,
  headers: Record<string, string>,
  extensions: Record<string, string | number>,
  detail = "Too many requests. Slow down and retry after the time in Retry-After.",
): AppError {
  if (result.degraded) return new AppError("unavailable", "Rate limiting is unavailable; retry after the time in Retry-After.", { headers });
  return new AppError("rate_limited", detail, { headers, extensions });
}

/** `/api/v1/orgs/acme/projects/ck..` → `/api/v1/orgs/[org]/projects/[id]`: one bucket per route, not per id. */
export function routePattern(req: NextRequest, params: Record<string, string> | undefined): string {
  let path = req.nextUrl.pathname;
  for (const [name, value] of Object.entries(params ?? {})) path = path.replace(`/${value}`, `/[${name}]`);
  return path;
}
