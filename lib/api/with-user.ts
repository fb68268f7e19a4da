import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { clientIp } from "@/lib/auth/client-ip";
import { loadLiveSession, type LiveSession, type SessionRequirements } from "@/lib/auth/live-session";
import { asUser, type Tx } from "@/lib/db/tenant-transaction";
import { idempotentRequest } from "@/lib/idempotency/idempotent-request";
import type { LimitName } from "@/lib/rate-limit";
import { apiRoute, toResponse, type RouteHandler } from "./handler";
import { authenticate, enforceRateLimit, routePattern } from "./request-auth";
import { parseWith, readJsonBody, searchParamsObject } from "./request-input";
import { requestMeta } from "./request-meta";
import type { RouteDocs } from "./route-meta";
import type { RequestMeta } from "@/lib/orgs/context";
import { CURRENT_VERSION, type ApiVersionDate } from "./versions";

type Options<B> = RouteDocs & { body?: B; status?: number };
type UserOptions<B, P, Q, T> = Options<B> &
  SessionRequirements & {
    params?: P;
    query?: Q;
    /**
     * Account writes: the handler runs in ONE transaction scoped to the user (RLS on
     * app.user_id), passed to it as `tx`, and a POST's Idempotency-Key is claimed and its
     * answer recorded in that transaction (lib/idempotency), so an answer is stored only for
     * work that committed. Services called here do their writes in that `tx`.
     */
    transaction?: T;
  };
type Body<B> = B extends z.ZodType ? z.output<B> : undefined;

type UserHandlerArgs<B, P, Q> = {
  principal: Principal;
  session: LiveSession;
  body: Body<B>;
  params: Body<P>;
  query: Body<Q>;
  req: NextRequest;
  request: RequestMeta;
  /** The dated API version the caller asked for (versions.ts). */
  version: ApiVersionDate;
};

/** Routes about the signed-in user rather than one org (list/create orgs, sessions). */
export function withUser<
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  T extends boolean = false,
>(options: UserOptions<B, P, Q, T>, handler: (args: UserHandlerArgs<B, P, Q> & (T extends true ? { tx: Tx } : unknown)) => Promise<unknown>): RouteHandler {
  type Args = Parameters<typeof handler>[0];
  return apiRoute(async (req, route, meta) => {
    const principal = await authenticate(req);
    meta.userId = principal.userId;
    const rawParams = (await route.params) ?? {};
    const { headers } = await enforceRateLimit("api:user", `${principal.userId}:${req.method} ${routePattern(req, rawParams)}`);
    const idempotency = options.transaction ? idempotentRequest(req) : null;
    const params = (options.params ? parseWith(options.params, rawParams, "params") : undefined) as Body<P>;
    const query = (options.query ? parseWith(options.query, searchParamsObject(req), "query") : undefined) as Body<Q>;
    const rawBody = options.body ? await readJsonBody(req) : undefined;
    const body = (options.body ? parseWith(options.body, rawBody, "body") : undefined) as Body<B>;
    // Org routes check the session in their membership query; here it costs one lookup.
    const { session } = await loadLiveSession(principal, { allowTwoFactorPending: options.allowTwoFactorPending, recentAuth: options.recentAuth });
    const args: UserHandlerArgs<B, P, Q> = { principal, session, body, params, query, req, request: requestMeta(req, meta.requestId), version: meta.version ?? CURRENT_VERSION };
    const answer = async (tx?: Tx) => toResponse(await handler((tx ? { ...args, tx } : args) as Args), options.status);
    const response = options.transaction
      ? await asUser(principal.userId, (tx) => (idempotency ? idempotency.run(tx, { userId: principal.userId }, rawBody, () => answer(tx)) : answer(tx)))
      : await answer();
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  }, { kind: "user", limit: "api:user", ...options, idempotencyKey: options.transaction === true });
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
