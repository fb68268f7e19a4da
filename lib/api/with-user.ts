import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { clientIp } from "@/lib/auth/client-ip";
import { db } from "@/lib/db/client";
import type { LimitName } from "@/lib/rate-limit";
import { AppError } from "./errors";
import { apiRoute, toResponse, type RouteHandler } from "./handler";
import { authenticate, enforceRateLimit, routePattern } from "./request-auth";
import { parseWith, readJsonBody } from "./request-input";
import { requestMeta } from "./request-meta";
import type { RequestMeta } from "@/lib/orgs/context";

type Options<B> = { body?: B; status?: number };
type Body<B> = B extends z.ZodType ? z.output<B> : undefined;

/** Routes about the signed-in user rather than one org (list/create orgs, sessions). */
export function withUser<B extends z.ZodType | undefined = undefined>(
  options: Options<B>,
  handler: (args: { principal: Principal; body: Body<B>; req: NextRequest; request: RequestMeta }) => Promise<unknown>,
): RouteHandler {
  return apiRoute(async (req, route, meta) => {
    const principal = await authenticate(req);
    meta.userId = principal.userId;
    const { headers } = await enforceRateLimit("api:user", `${principal.userId}:${req.method} ${routePattern(req, await route.params)}`);
    const body = (options.body ? parseWith(options.body, await readJsonBody(req), "body") : undefined) as Body<B>;
    // Org routes check the session version in their membership query; here it costs one lookup.
    const user = await db.user.findUnique({ where: { id: principal.userId }, select: { sessionVersion: true } });
    if (!user || user.sessionVersion !== principal.sessionVersion) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
    const response = toResponse(await handler({ principal, body, req, request: requestMeta(req, meta.requestId) }), options.status);
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  }, { kind: "user", limit: "api:user", ...options });
}

/** Anonymous routes (sign-up): limited per client IP, and per extra keys the handler names. */
export function withPublic<B extends z.ZodType | undefined = undefined>(
  options: Options<B> & { limit: LimitName },
  handler: (args: { body: Body<B>; req: NextRequest; ip: string; request: RequestMeta }) => Promise<unknown>,
): RouteHandler {
  return apiRoute(async (req, _route, meta) => {
    const ip = clientIp(req.headers);
    await enforceRateLimit(options.limit, `${ip}:${req.nextUrl.pathname}`);
    const body = (options.body ? parseWith(options.body, await readJsonBody(req), "body") : undefined) as Body<B>;
    return toResponse(await handler({ body, req, ip, request: requestMeta(req, meta.requestId) }), options.status);
  }, { kind: "public", ...options });
}
