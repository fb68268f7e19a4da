import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { clientIp } from "@/lib/auth/client-ip";
import { loadLiveSession, type LiveSession, type SessionRequirements } from "@/lib/auth/live-session";
import type { LimitName } from "@/lib/rate-limit";
import { apiRoute, toResponse, type RouteHandler } from "./handler";
import { authenticate, enforceRateLimit, routePattern } from "./request-auth";
import { parseWith, readJsonBody, searchParamsObject } from "./request-input";
import { requestMeta } from "./request-meta";
import type { RouteDocs } from "./route-meta";
import type { RequestMeta } from "@/lib/orgs/context";
import { CURRENT_VERSION, type ApiVersionDate } from "./versions";

type Options<B> = RouteDocs & { body?: B; status?: number };
type UserOptions<B, P, Q> = Options<B> & SessionRequirements & { params?: P; query?: Q };
type Body<B> = B extends z.ZodType ? z.output<B> : undefined;

/** Routes about the signed-in user rather than one org (list/create orgs, sessions). */
export function withUser<B extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: UserOptions<B, P, Q>,
  handler: (args: {
    principal: Principal;
    session: LiveSession;
    body: Body<B>;
    params: Body<P>;
    query: Body<Q>;
    req: NextRequest;
    request: RequestMeta;
    /** The dated API version the caller asked for (versions.ts). */
    version: ApiVersionDate;
  }) => Promise<unknown>,
): RouteHandler {
  return apiRoute(async (req, route, meta) => {
    const principal = await authenticate(req);
    meta.userId = principal.userId;
    const rawParams = (await route.params) ?? {};
    const { headers } = await enforceRateLimit("api:user", `${principal.userId}:${req.method} ${routePattern(req, rawParams)}`);
    const params = (options.params ? parseWith(options.params, rawParams, "params") : undefined) as Body<P>;
    const query = (options.query ? parseWith(options.query, searchParamsObject(req), "query") : undefined) as Body<Q>;
    const body = (options.body ? parseWith(options.body, await readJsonBody(req), "body") : undefined) as Body<B>;
    // Org routes check the session in their membership query; here it costs one lookup.
    const { session } = await loadLiveSession(principal, { allowTwoFactorPending: options.allowTwoFactorPending, recentAuth: options.recentAuth });
    const response = toResponse(await handler({ principal, session, body, params, query, req, request: requestMeta(req, meta.requestId), version: meta.version ?? CURRENT_VERSION }), options.status);
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  }, { kind: "user", limit: "api:user", ...options });
}

/** Anonymous routes (sign-up): limited per client IP, and per extra keys the handler names. */
export function withPublic<B extends z.ZodType | undefined = undefined>(
  options: Options<B> & { limit: LimitName },
  handler: (args: { body: Body<B>; req: NextRequest; ip: string; request: RequestMeta; version: ApiVersionDate }) => Promise<unknown>,
): RouteHandler {
  return apiRoute(async (req, _route, meta) => {
    const ip = clientIp(req.headers);
    await enforceRateLimit(options.limit, `${ip}:${req.nextUrl.pathname}`);
    const body = (options.body ? parseWith(options.body, await readJsonBody(req), "body") : undefined) as Body<B>;
    return toResponse(await handler({ body, req, ip, request: requestMeta(req, meta.requestId), version: meta.version ?? CURRENT_VERSION }), options.status);
  }, { kind: "public", ...options });
}
