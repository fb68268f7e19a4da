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

/**
 * POSTs whose wrapper runs the work in one transaction that also records the answer: every
 * org route (keys per org and caller) and the account routes declared with `transaction`
 * (keys per user). See lib/idempotency.
 */
export const acceptsIdempotencyKey = (entry: RouteEntry) => entry.method === "POST" && entry.meta?.idempotencyKey === true;

/** Why a POST does not honour `Idempotency-Key`, as its route declares (`ignoresIdempotencyKey`); null for the others. */
export function ignoredIdempotencyKey(entry: RouteEntry): string | null {
  if (entry.method !== "POST" || acceptsIdempotencyKey(entry)) return null;
  return entry.meta?.ignoresIdempotencyKey ?? null;
}
