import { readdir } from "node:fs/promises";
import path from "node:path";
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

/** `app/api/v1/orgs/[org]/route.ts` → `/api/v1/orgs/[org]`; route groups `(x)` are not in the URL. */
function urlPattern(appDir: string, file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const paramNames = (pattern: string) => [...pattern.matchAll(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g)].map((m) => m[1]!);

/**
 * Every API route the app serves, found on disk rather than kept by hand: each
 * `app/api/**\/route.ts` is imported and each exported HTTP method listed with the
 * description its wrapper attached (route-meta.ts). Node-side only (tests, scripts such
 * as an OpenAPI generator): the production build has no `app/` sources to read.
 */
export async function loadRouteTable(root = process.cwd()): Promise<RouteEntry[]> {
  const appDir = path.join(root, "app");
  const files = (await readdir(path.join(appDir, "api"), { recursive: true }))
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join(appDir, "api", f))
    .sort();
  const entries: RouteEntry[] = [];
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>;
    const pattern = urlPattern(appDir, file);
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] !== "function") continue;
      entries.push({ path: pattern, file: path.relative(root, file), method, pathParams: paramNames(pattern), meta: routeMetaOf(mod[method]) });
    }
  }
  return entries;
}
