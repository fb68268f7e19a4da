import { readdir } from "node:fs/promises";
import path from "node:path";
import { routeEntriesOf, type RouteEntry } from "./route-entries";

export { HTTP_METHODS, type HttpMethod, type RouteEntry } from "./route-entries";

/** `app/api/v1/orgs/[org]/route.ts` → `/api/v1/orgs/[org]`; route groups `(x)` are not in the URL. */
export function urlPattern(appDir: string, file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Every `app/api/**\/route.ts`, absolute and sorted. */
export async function routeFiles(root = process.cwd()): Promise<string[]> {
  const apiDir = path.join(root, "app", "api");
  return (await readdir(apiDir, { recursive: true }))
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join(apiDir, f))
    .sort();
}

/**
 * Every API route the app serves, found on disk rather than kept by hand: each
 * `app/api/**\/route.ts` is imported and each exported HTTP method listed with the
 * description its wrapper attached (route-meta.ts). Node-side only (tests, scripts):
 * the production build has no `app/` sources to read, which is why the OpenAPI document
 * is served from a generated list of the route modules (lib/openapi/route-modules.ts).
 */
export async function loadRouteTable(root = process.cwd()): Promise<RouteEntry[]> {
  const appDir = path.join(root, "app");
  const entries: RouteEntry[] = [];
  for (const file of await routeFiles(root)) {
    const mod = (await import(file)) as Record<string, unknown>;
    entries.push(...routeEntriesOf(urlPattern(appDir, file), path.relative(root, file), mod));
  }
  return entries;
}
