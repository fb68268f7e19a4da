import { NextResponse, type NextRequest } from "next/server";
import { isTransientStripeError } from "@/lib/billing/stripe-errors";
import { Prisma } from "@/lib/db/generated/client";
import { JsonText } from "@/lib/db/json-text";
import { postgresErrorCode, SQLSTATE } from "@/lib/db/postgres-error";
import { PoolExhaustedError } from "@/lib/db/sql";
import { log } from "@/lib/log";
import { deprecationHeaders } from "./deprecation";
import { AppError } from "./errors";
import { problemResponse } from "./problem";
import { REQUEST_ID_HEADER, requestIdOf } from "./request-id";
import { describeRoute, type RouteMeta } from "./route-meta";
import { requestedVersion, VERSION_HEADER, versionInfo, type ApiVersionDate } from "./versions";

/** Next passes no params object to routes without dynamic segments. */
export type RouteParams = { params: Promise<Record<string, string> | undefined> };
export type RouteHandler = (req: NextRequest, route: RouteParams) => Promise<Response>;

/** What a handler may return: a Response as is, undefined as 204, JSON text Postgres wrote as it is, anything else as JSON. */
export function toResponse(result: unknown, status = 200, requestId?: string): Response {
  if (result instanceof Response) return result;
  const headers = requestId ? { "x-request-id": requestId } : undefined;
  if (result === undefined) return new NextResponse(null, { status: 204, headers });
  if (result instanceof JsonText) return new NextResponse(result.text, { status, headers: { ...headers, "content-type": "application/json" } });
  return NextResponse.json(result, { status, headers });
}

/** No pooled connection came free within DATABASE_POOL_TIMEOUT_MS (Prisma's P2028, or sql.ts): the server is saturated, nothing ran. */
const busy = () => new AppError("unavailable", "The server is busy right now, so nothing was changed. Try again in a moment.", { headers: { "retry-after": "1" } });

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return new AppError("not_found", "The record was not found.");
    if (error.code === "P2002") return new AppError("conflict", "A record with these values already exists.");
    if (error.code === "P2028") return busy();
  }
  if (error instanceof PoolExhaustedError) return busy();
  if (isTransientStripeError(error)) return new AppError("unavailable", "Stripe could not be reached just now, so nothing was changed. Try again in a minute.");
  switch (postgresErrorCode(error)) {
    case SQLSTATE.orgWithoutOwner:
      return new AppError("conflict", "An organization needs at least one owner, and this change (or one made at the same moment) would leave it with none. Make someone else an owner first.");
    // The losing side of two requests that changed the same rows at once: nothing was saved.
    case SQLSTATE.deadlockDetected:
    case SQLSTATE.serializationFailure:
      return new AppError("conflict", "Another change to the same data happened at the same moment, so this one was not saved. Reload and try again.");
  }
  return null;
}

/**
 * `apiKeyId` is a key's public id (never its secret), for requests made with one. `version`
 * is the dated API version (versions.ts) an `/api/v1` request is served in.
 */
export type RequestLog = { requestId: string; version?: ApiVersionDate; orgId?: string; userId?: string; apiKeyId?: string };

const VERSIONED = "/api/v1/";

/** What every answer says about itself: its request id, and under /api/v1 its version and any deprecation. */
function describeAnswer(response: Response, meta: RequestLog, describe: RouteMeta | undefined): void {
  response.headers.set(REQUEST_ID_HEADER, meta.requestId);
  if (meta.version) response.headers.set(VERSION_HEADER, meta.version);
  const deprecation = describe?.deprecated ?? (meta.version && versionInfo(meta.version).deprecated);
  if (deprecation) for (const [k, v] of Object.entries(deprecationHeaders(deprecation))) response.headers.set(k, v);
}

/**
 * The outer shell every API route shares: request id, timing, one structured log line,
 * and every thrown error turned into problem+json (unknown ones into a logged 500).
 * `describe` is what the wrapper declares about the route, for the route table.
 */
export function apiRoute(run: (req: NextRequest, route: RouteParams, meta: RequestLog) => Promise<Response>, describe?: RouteMeta): RouteHandler {
  const handler: RouteHandler = async (req, route) => {
    const started = performance.now();
    const meta: RequestLog = { requestId: requestIdOf(req.headers) };
    let response: Response;
    try {
      if (req.nextUrl.pathname.startsWith(VERSIONED)) meta.version = requestedVersion(req.headers.get(VERSION_HEADER));
      response = await run(req, route, meta);
    } catch (error) {
      const known = toAppError(error);
      if (!known) log.error("request failed", { ...meta, method: req.method, path: req.nextUrl.pathname, error });
      response = problemResponse(known ?? new AppError("internal", "Something went wrong on our side. Try again, and contact support with the request id if it persists."), meta.requestId);
    }
    describeAnswer(response, meta, describe);
    log.info("request", {
      ...meta,
      method: req.method,
      path: req.nextUrl.pathname,
      status: response.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
    return response;
  };
  return describe ? describeRoute(describe, handler) : handler;
}
