import type { NextRequest } from "next/server";
import { getPrincipal } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/principal";
import { rateLimit, rateLimitHeaders, type LimitName } from "@/lib/rate-limit";
import { AppError } from "./errors";
import { assertSameOrigin } from "./same-origin";

/** Session cookie today; API keys join here in the public-API issue. */
export async function authenticate(req: NextRequest): Promise<Principal> {
  const principal = await getPrincipal();
  if (!principal) throw new AppError("unauthenticated", "Sign in to continue.");
  assertSameOrigin(req);
  return principal;
}

export async function enforceRateLimit(name: LimitName, key: string): Promise<{ headers: Record<string, string> }> {
  const result = await rateLimit(name, key);
  const headers = rateLimitHeaders(result);
  if (result.success) return { headers };
  // A fail-closed limit whose store is down: the caller did nothing wrong, so not a 429.
  if (result.degraded) throw new AppError("unavailable", "Rate limiting is unavailable; retry after the time in Retry-After.", { headers });
  throw new AppError("rate_limited", "Too many requests. Slow down and retry after the time in Retry-After.", { headers });
}

/** `/api/v1/orgs/acme/projects/ck..` → `/api/v1/orgs/[org]/projects/[id]`: one bucket per route, not per id. */
export function routePattern(req: NextRequest, params: Record<string, string> | undefined): string {
  let path = req.nextUrl.pathname;
  for (const [name, value] of Object.entries(params ?? {})) path = path.replace(`/${value}`, `/[${name}]`);
  return path;
}
