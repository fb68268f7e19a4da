import type { RouteEntry } from "@/lib/api/route-entries";

/**
 * The conditional-request headers an operation takes part in, read from the route's own
 * `etag` option (lib/api/conditional.ts): its answers carry an ETag, reads honour
 * `If-None-Match` and writes `If-Match`.
 */
export function conditionalHeaders(entry: RouteEntry): { etag: boolean; ifNoneMatch: boolean; ifMatch: boolean } {
  const on = entry.meta?.etag === true;
  const read = entry.method === "GET" || entry.method === "HEAD";
  return { etag: on && entry.meta?.response !== undefined, ifNoneMatch: on && read, ifMatch: on && !read };
}

/** Idempotency keys are kept per org and caller (lib/idempotency), so org-scoped POSTs honour them. */
export const acceptsIdempotencyKey = (entry: RouteEntry) => entry.method === "POST" && entry.meta?.kind === "org";
