import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { ErrorCode } from "./errors";
import type { LimitName } from "@/lib/rate-limit";
import type { Deprecation } from "./versions";

/** What the OpenAPI document says about a route beyond its input schemas (lib/openapi). */
export type RouteDocs = {
  /** One line, imperative: "List projects". */
  summary?: string;
  description?: string;
  /** The JSON a 2xx answer carries (a string schema with `contentMediaType` for other bodies, such as CSV); absent for 204 routes. */
  response?: z.ZodType;
  /**
   * Refusals the service itself can answer with (`conflict`, `seat_limit`…). Those that follow
   * from the route's kind, permission and inputs are derived (lib/openapi/errors.ts), not listed.
   */
  errors?: readonly ErrorCode[];
  /** Scheduled to go: every answer carries Deprecation, Sunset and Link headers (deprecation.ts). */
  deprecated?: Deprecation;
  /**
   * A POST that deliberately does not honour `Idempotency-Key`: why, in a sentence the reference
   * shows (see README, "Idempotency keys"). Every other POST under /api/v1 honours it.
   */
  ignoresIdempotencyKey?: string;
};

/**
 * What a route wrapper knows about the handler it returns, readable from code: the
 * route table (route-table.ts) lists it for the hostile-input sweep and for OpenAPI.
 */
export type RouteMeta = RouteDocs & {
  /** `org`: withOrg (the `[org]` slug in the path); `user`: signed-in withUser; `public`: anonymous. */
  kind: "org" | "user" | "public";
  permission?: Permission;
  /** The rate limit the wrapper applies before any input is parsed. */
  limit?: LimitName;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Path params other than `org`, which withOrg resolves itself. */
  params?: z.ZodType;
  /** Status of a returned value; undefined results are 204. */
  status?: number;
  /** The caller must have entered their password or signed in within the last few minutes. */
  recentAuth?: boolean;
  /** Answers carry a strong `ETag`; GET honours `If-None-Match` (304), writes `If-Match` (412) (conditional.ts). */
  etag?: boolean;
  /** A POST here honours `Idempotency-Key` (lib/idempotency): its work runs in one transaction that also records the answer. */
  idempotencyKey?: boolean;
};

const META = Symbol.for("tenantkit.routeMeta");

type Described = { [META]?: RouteMeta };

/** Attaches `meta` to a wrapper's handler and returns that same handler. */
export function describeRoute<H extends object>(meta: RouteMeta, handler: H): H {
  Object.defineProperty(handler, META, { value: Object.freeze({ ...meta }), enumerable: false });
  return handler;
}

export function routeMetaOf(handler: unknown): RouteMeta | undefined {
  return typeof handler === "function" ? (handler as Described)[META] : undefined;
}
