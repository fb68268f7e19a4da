import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { sqlOf, type Sql } from "@/lib/db/sql";
import type { Tx } from "@/lib/db/tenant-transaction";
import { isApiKey, runAsMember, runSqlAsMember, type OrgContext } from "@/lib/orgs/context";
import { slugSchema } from "@/lib/orgs/slug";
import { assertWritePreconditions, conditionalResponse, isWrite, readConditions } from "./conditional";
import { AppError } from "./errors";
import { apiRoute, toResponse, type RouteHandler } from "./handler";
import { limitOrgRequest } from "./org-rate-limit";
import { authenticateOrgCaller, routePattern } from "./request-auth";
import { parseWith, readJsonBody, readRouteParams, searchParamsObject } from "./request-input";
import { requestMeta } from "./request-meta";
import type { RouteDocs } from "./route-meta";
import { CURRENT_VERSION, type ApiVersionDate } from "./versions";
import { recordApiCall } from "@/lib/billing/usage-recorder";
import { idempotentRequest, isReplayed } from "@/lib/idempotency/idempotent-request";

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export type OrgRouteOptions<B, Q, P> = RouteDocs & {
  permission: Permission;
  body?: B;
  query?: Q;
  /** Route params other than `org`. */
  params?: P;
  /** Status for a returned value (201 for creates); undefined results are always 204. */
  status?: number;
  /** Destructive actions: the caller must have entered their password or signed in within 10 minutes. */
  recentAuth?: boolean;
  /**
   * Conditional requests (conditional.ts): answers carry an ETag, GET honours If-None-Match,
   * and a write with If-Match / If-None-Match is checked against what this returns: the
   * resource as its GET answers, read under a row lock (null when it does not exist).
   */
  etag?: (ctx: OrgContext, tx: Tx, params: Out<P>) => Promise<unknown>;
};

/**
 * `sqlOnly: true`: the handler reads with SQL alone (lib/db/sql.ts), so its transaction is
 * opened without Prisma, whose transaction costs more CPU than the queries of a typical read.
 * The handler then gets `sql` and neither `tx` nor `ctx`: its statements name no org (the
 * transaction is scoped to it, `scopedOrgSql`), so they can be sent with the request's entry,
 * before the caller has been checked (runSqlAsMember). For reads (GET) only: writes need
 * Prisma's `tx` for idempotency keys and If-Match checks.
 */
type SqlOnly<S extends boolean> = { sqlOnly?: S };

export type OrgHandlerArgs<B, Q, P> = {
  ctx: OrgContext;
  tx: Tx;
  /** The same transaction, for queries written in SQL. */
  sql: Sql;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  req: NextRequest;
  /** The dated API version the caller asked for (versions.ts): branch on it for a breaking change. */
  version: ApiVersionDate;
};

/**
 * The one wrapper for tenant-scoped routes: authenticate (an API key, or the session cookie
 * with a same-origin check on writes), rate limit, parse input, then ONE transaction that resolves the membership,
 * checks the permission, scopes RLS to the org and runs the handler. A caller who is
 * not a member gets the same 404 as for an org that does not exist.
 */
export function withOrg<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  S extends boolean = false,
>(
  options: OrgRouteOptions<B, Q, P> & SqlOnly<S>,
  handler: (args: S extends true ? Omit<OrgHandlerArgs<B, Q, P>, "tx" | "ctx"> : OrgHandlerArgs<B, Q, P>) => Promise<unknown>,
): RouteHandler {
  const handle = handler as (args: Omit<OrgHandlerArgs<B, Q, P>, "tx" | "ctx"> & { tx?: Tx; ctx?: OrgContext }) => Promise<unknown>;
  return apiRoute(async (req, route, meta) => {
    const caller = await authenticateOrgCaller(req);
    if (isApiKey(caller)) meta.apiKeyId = caller.publicId;
    else meta.userId = caller.userId;
    const rawParams = await readRouteParams(route);
    const slug = slugSchema.safeParse(rawParams.org);
    if (!slug.success) throw new AppError("not_found", "Organization not found.");

    const limit = await limitOrgRequest(req, slug.data, caller, routePattern(req, rawParams));
    const idempotency = idempotentRequest(req);
    const idempotencyCaller = isApiKey(caller) ? `key:${caller.publicId}` : caller.userId;

    const params = (options.params ? parseWith(options.params, rawParams, "params") : undefined) as Out<P>;
    const query = (options.query ? parseWith(options.query, searchParamsObject(req), "query") : undefined) as Out<Q>;
    const rawBody = options.body ? await readJsonBody(req) : undefined;
    const body = (options.body ? parseWith(options.body, rawBody, "body") : undefined) as Out<B>;
    const conditions = options.etag ? readConditions(req.headers) : undefined;
    const version = meta.version ?? CURRENT_VERSION;

    const request = requestMeta(req, meta.requestId);
    const writes = isWrite(req.method);
    if (options.sqlOnly && writes) throw new Error(`${req.method} ${req.nextUrl.pathname}: sqlOnly routes are reads; a write needs Prisma's transaction`);
    const answer = (result: unknown) => (conditions ? conditionalResponse(result, options.status, conditions, !writes) : toResponse(result, options.status));
    const admit = async (ctx: OrgContext) => {
      meta.orgId = ctx.org.id;
      await limit.resolved(ctx);
    };
    const inTransaction = async (ctx: OrgContext, tx: Tx) => {
      await admit(ctx);
      if (options.etag && conditions && writes && (conditions.ifMatch || conditions.ifNoneMatch)) {
        assertWritePreconditions(conditions, await options.etag(ctx, tx, params));
      }
      const work = async () => answer(await handle({ ctx, tx, sql: sqlOf(tx), body, query, params, req, version }));
      return idempotency ? idempotency.run(tx, { orgId: ctx.org.id, caller: idempotencyCaller }, rawBody, work) : work();
    };
    const needs = { recentAuth: options.recentAuth };
    const response = options.sqlOnly
      ? answer((await runSqlAsMember(caller, slug.data, options.permission, (sql) => handle({ sql, body, query, params, req, version }), admit, request, needs)).result)
      : await runAsMember(caller, slug.data, options.permission, inTransaction, request, needs);
    // Metered for billing (lib/billing/usage-recorder.ts): calls made with a key, answered; dashboard requests are not API calls.
    // A replayed answer (lib/idempotency) was metered the first time.
    if (isApiKey(caller) && meta.orgId && !isReplayed(response)) recordApiCall(meta.orgId);
    for (const [k, v] of Object.entries(limit.headers())) response.headers.set(k, v);
    return response;
  }, { kind: "org", ...options, etag: Boolean(options.etag), idempotencyKey: true });
}
