import { routeMetaOf, type RouteMeta } from "./route-meta";

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteEntry = {
  /** The URL pattern in Next's notation: `/api/v1/orgs/[org]/projects/[id]`. */
  path: string;
  /** The route file, relative to the project root. */
  file: string;
  method: HttpMethod;
  /** Dynamic segments in path order (`org`, `id`); catch-all ones (`[...x]`) included. */
  pathParams: string[];
  /** What the wrapper declared; undefined for handlers written without withOrg/withUser/withPublic. */
  meta: RouteMeta | undefined;
};

const paramNames = (pattern: string) => [...pattern.matchAll(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g)].map((m) => m[1]!);

/** One entry per HTTP method a route module exports, with what its wrapper declared. */
export function routeEntriesOf(path: string, file: string, mod: Record<string, unknown>): RouteEntry[] {
  return HTTP_METHODS.filter((method) => typeof mod[method] === "function").map((method) => ({
    path,
    file,
    method,
    pathParams: paramNames(path),
    meta: routeMetaOf(mod[method]),
  }));
}
