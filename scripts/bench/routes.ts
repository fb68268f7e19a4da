import type { Target } from "./load";
import { sameOriginHeaders } from "./sign-in";

export type Route = { key: RouteKey; name: string; path: string; auth: "none" | "cookie" | "api key"; target: Target };

export type Callers = { baseUrl: string; slug: string; projectId: string; cookie: string; apiKey: string };

/** Liveness: JSON from memory through Next, no database. Measured first and last; every route is compared with it. */
export const BASELINE_KEY = "health-live";

/** The routes measured, in this order; `--routes` picks some (the baseline is always measured). */
export const ROUTE_KEYS = [BASELINE_KEY, "landing", "list", "search", "get-one", "create", "dashboard", "list-api-key"] as const;
export type RouteKey = (typeof ROUTE_KEYS)[number];

/** The routes to measure, in order (the baseline is measured again after the last). */
export function routes({ baseUrl, slug, projectId, cookie, apiKey }: Callers, only?: RouteKey[]): Route[] {
  const projects = `/api/v1/orgs/${slug}/projects`;
  const route = (key: RouteKey, name: string, path: string, auth: Route["auth"], target: Omit<Target, "url"> = {}): Route => ({
    key,
    name,
    path,
    auth,
    target: { url: `${baseUrl}${path}`, ...target, headers: { ...target.headers, ...(auth === "cookie" ? { cookie } : {}), ...(auth === "api key" ? { authorization: `Bearer ${apiKey}` } : {}) } },
  });
  const all = [
    route(BASELINE_KEY, "GET /api/health?live", "/api/health?live", "none"),
    route("landing", "GET / (landing page)", "/", "none"),
    route("list", "GET projects (cookie)", projects, "cookie"),
    route("search", "GET projects?q=needle (cookie)", `${projects}?q=needle`, "cookie"),
    route("get-one", "GET one project (cookie)", `${projects}/${projectId}`, "cookie"),
    route("create", "POST project (cookie)", projects, "cookie", {
      method: "POST",
      headers: { "content-type": "application/json", ...sameOriginHeaders(baseUrl) },
      body: JSON.stringify({ name: "Bench project", description: "Created under load" }),
    }),
    route("dashboard", "GET dashboard projects page (cookie)", `/dashboard/${slug}/projects`, "cookie"),
    route("list-api-key", "GET projects (API key)", projects, "api key"),
  ];
  return only ? all.filter((r) => r.key === BASELINE_KEY || only.includes(r.key)) : all;
}
