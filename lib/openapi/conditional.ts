import type { HttpMethod } from "@/lib/api/route-entries";

/**
 * Single resources that take part in conditional requests: their GET answers with an
 * ETag and honours `If-None-Match`, their PATCH and DELETE honour `If-Match`. The one
 * list the document reads; when the handlers learn ETags from route metadata, derive
 * this from it instead. A path here without a route fails the document test.
 */
export const CONDITIONAL_RESOURCES: readonly string[] = [
  "/api/v1/orgs/[org]",
  "/api/v1/orgs/[org]/projects/[id]",
  "/api/v1/orgs/[org]/members/[userId]",
  "/api/v1/orgs/[org]/api-keys/[id]",
  "/api/v1/orgs/[org]/invitations/[id]",
];

export function conditionalHeaders(method: HttpMethod, path: string): { etag: boolean; ifMatch: boolean } {
  const single = CONDITIONAL_RESOURCES.includes(path);
  return { etag: single && method === "GET", ifMatch: single && (method === "PATCH" || method === "DELETE") };
}
