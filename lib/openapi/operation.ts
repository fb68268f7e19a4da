import type { RouteEntry } from "@/lib/api/route-entries";
import { API_KEY_ACTS_AS, can, ROLES } from "@/lib/auth/permissions";
import type { ApiKeyRole } from "@/lib/db/generated/enums";
import { slugSchema } from "@/lib/orgs/slug";
import { API_RATES, limits } from "@/lib/rate-limit/limits";
import { routeGroup } from "@/lib/rate-limit/plan-limits";
import { acceptsIdempotencyKey, conditionalHeaders, ignoredIdempotencyKey } from "./conditional";
import { byStatus, errorCodesFor } from "./errors";
import { exampleOf } from "./examples";
import { headerParameter, responseHeaders } from "./headers";
import { jsonSchemaOf, type JsonSchema } from "./json-schema";
import { tagOf } from "./tags";

type Json = Record<string, unknown>;

/** `/api/v1/orgs/[org]/projects/[id]` → `/api/v1/orgs/{org}/projects/{id}`. */
export const openApiPath = (path: string) => path.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");

const FILLER = new Set(["a", "an", "the", "your"]);

/** "Change a member's role" → `changeMembersRole`: readable client method names, unique as summaries are. */
export function operationIdOf(summary: string): string {
  const words = summary
    .replace(/['’]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && !FILLER.has(w.toLowerCase()));
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");
}

function propertiesOf(schema: JsonSchema): [string, JsonSchema, boolean][] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, value]) => [name, value as JsonSchema, required.has(name)]);
}

function parameters(entry: RouteEntry): Json[] {
  const meta = entry.meta;
  const pathSchemas = meta?.params ? Object.fromEntries(propertiesOf(jsonSchemaOf(meta.params, "input")).map(([name, s]) => [name, s])) : {};
  // withOrg resolves `org` itself, with the slug schema, before any route params are parsed.
  if (meta?.kind === "org") pathSchemas.org = jsonSchemaOf(slugSchema, "input");
  const params: Json[] = entry.pathParams.map((name) => ({ name, in: "path", required: true, schema: pathSchemas[name] ?? { type: "string" } }));
  if (meta?.query) {
    for (const [name, schema, required] of propertiesOf(jsonSchemaOf(meta.query, "input"))) {
      params.push({ name, in: "query", required, schema, ...(schema.description ? { description: schema.description } : {}) });
    }
  }
  params.push(headerParameter("TenantkitVersion"));
  const conditional = conditionalHeaders(entry);
  if (conditional.ifNoneMatch) params.push(headerParameter("IfNoneMatch"));
  if (conditional.ifMatch) params.push(headerParameter("IfMatch"));
  if (acceptsIdempotencyKey(entry)) params.push(headerParameter("IdempotencyKey"));
  return params;
}

function requestBody(entry: RouteEntry): Json | undefined {
  if (!entry.meta?.body) return undefined;
  const schema = jsonSchemaOf(entry.meta.body, "input");
  return { required: true, content: { "application/json": { schema, example: exampleOf(schema) } } };
}

/** A string response schema with `contentMediaType` (the audit CSV) is served as that type, not JSON. */
function mediaType(schema: JsonSchema): string {
  return schema.type === "string" && typeof schema.contentMediaType === "string" ? schema.contentMediaType : "application/json";
}

function success(entry: RouteEntry): [string, Json] {
  const meta = entry.meta;
  const headers = responseHeaders({ rateLimit: meta?.kind !== "public", etag: conditionalHeaders(entry).etag });
  if (!meta?.response) return ["204", { description: "Done; no body.", headers }];
  const schema = jsonSchemaOf(meta.response, "output");
  const type = mediaType(schema);
  const content = type === "application/json" ? { schema, example: exampleOf(schema) } : { schema };
  return [String(meta.status ?? 200), { description: meta.summary ?? "OK", headers, content: { [type]: content } }];
}

/** A read with `If-None-Match` naming the current ETag: nothing changed, so no body. */
function notModified(entry: RouteEntry): [string, Json][] {
  if (!conditionalHeaders(entry).ifNoneMatch) return [];
  return [["304", { description: "Not modified since the ETag sent in `If-None-Match`; no body.", headers: responseHeaders({ rateLimit: true, etag: true }) }]];
}

function errors(entry: RouteEntry): [string, Json][] {
  return byStatus(errorCodesFor(entry)).map(([status, codes]) => [
    String(status),
    {
      description: codes.map((c) => `\`${c}\``).join(", "),
      headers: responseHeaders({ rateLimit: status === 429, retryAfter: status === 429 || status === 503 }),
      content: {
        "application/problem+json": {
          schema: { $ref: "#/components/schemas/Problem" },
          examples: Object.fromEntries(codes.map((code) => [code, { $ref: `#/components/examples/${code}` }])),
        },
      },
      "x-problem-codes": codes,
    },
  ]);
}

function security(entry: RouteEntry): Json[] {
  if (entry.meta?.kind === "org") return [{ apiKey: [] }, { session: [] }];
  if (entry.meta?.kind === "user") return [{ session: [] }];
  return [];
}

/** Who may call it: the roles whose permissions include the route's, and the API key roles acting as one of them. */
function access(entry: RouteEntry): Json {
  const meta = entry.meta;
  if (meta?.kind !== "org" || !meta.permission) return { "x-caller": meta?.kind ?? "public" };
  const permission = meta.permission;
  const keyRoles = (Object.keys(API_KEY_ACTS_AS) as ApiKeyRole[]).filter((k) => can(API_KEY_ACTS_AS[k], permission));
  return { "x-caller": "org", "x-permission": permission, "x-roles": ROLES.filter((r) => can(r, permission)), "x-api-key-roles": keyRoles };
}

function rateLimit(entry: RouteEntry): Json {
  if (entry.meta?.kind === "org") {
    // Tenant routes are limited by the org's plan, per route group (lib/rate-limit/plan-limits.ts).
    const group = routeGroup(entry.method, entry.path);
    const perMinute = (scope: "org" | "caller") => Object.fromEntries(Object.entries(API_RATES).map(([plan, rates]) => [plan, rates[scope][group.access]]));
    return { "x-rate-limit": { group: group.name, window: "1 m", org: perMinute("org"), caller: perMinute("caller") } };
  }
  const name = entry.meta?.limit;
  return name ? { "x-rate-limit": { name, requests: limits[name].tokens, window: limits[name].window } } : {};
}

/** The route's description, and for a POST that does not honour `Idempotency-Key`, why. */
function description(entry: RouteEntry): string | undefined {
  const ignored = ignoredIdempotencyKey(entry);
  const parts = [entry.meta?.description, ignored && `\`Idempotency-Key\` is not honoured here. ${ignored}`].filter(Boolean);
  return parts.length ? parts.join("\n\n") : undefined;
}

/** The OpenAPI operation for one route and method, from what its wrapper declared. */
export function operationOf(entry: RouteEntry): Json {
  const meta = entry.meta;
  const summary = meta?.summary ?? `${entry.method} ${entry.path}`;
  const body = requestBody(entry);
  const text = description(entry);
  const ignored = ignoredIdempotencyKey(entry);
  return {
    operationId: operationIdOf(summary),
    summary,
    ...(text ? { description: text } : {}),
    tags: [tagOf(entry.path) ?? "Other"],
    security: security(entry),
    parameters: parameters(entry),
    ...(body ? { requestBody: body } : {}),
    responses: Object.fromEntries([success(entry), ...notModified(entry), ...errors(entry)]),
    ...access(entry),
    ...rateLimit(entry),
    ...(meta?.recentAuth ? { "x-recent-auth": true } : {}),
    ...(ignored ? { "x-idempotency-key": "ignored" } : {}),
  };
}
