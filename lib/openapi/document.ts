import { ERROR_STATUS, type ErrorCode } from "@/lib/api/errors";
import { PROBLEM_TITLES } from "@/lib/api/problem";
import { problemSchema } from "@/lib/api/problem-schema";
import { problemType } from "@/lib/api/problem-type";
import type { RouteEntry } from "@/lib/api/route-entries";
import { API_VERSIONS, CURRENT_VERSION } from "@/lib/api/versions";
import { headerComponents, parameterComponents } from "./headers";
import { jsonSchemaOf } from "./json-schema";
import { openApiPath, operationOf } from "./operation";
import { PROBLEM_DOCS } from "./problems";
import { isDocumented } from "./scope";
import { TAGS } from "./tags";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; "x-api-versions": string[] };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: Record<string, Record<string, unknown>>;
};

const DESCRIPTION = `The HTTP API behind the dashboard: the dashboard calls these same routes with its session cookie, and your code calls them with an API key.

Send \`Authorization: Bearer <key>\` on organization routes (\`/api/v1/orgs/{org}/…\`). A key belongs to one organization and acts as a member (read-write) or a viewer (read-only); people manage keys, members, billing and the organization itself. Account routes (\`/api/v1/me/…\`) act for a person and accept only the session cookie.

Every refusal is \`application/problem+json\` (RFC 9457) with a stable \`code\`. Every answer carries \`X-Request-Id\`; authenticated ones carry \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`, and a 429 adds \`Retry-After\`.

Pin the dated version your code was written against with \`Tenantkit-Version\` (see the changelog); retry a \`POST\` safely with an \`Idempotency-Key\`; avoid lost updates with \`If-Match\` on resources that carry an \`ETag\`.`;

/** One example body per problem code, which operations' error responses reference. */
function problemExamples(): Record<string, unknown> {
  return Object.fromEntries(
    (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => [
      code,
      {
        summary: PROBLEM_TITLES[code],
        value: { type: problemType(code), title: PROBLEM_TITLES[code], status: ERROR_STATUS[code], detail: PROBLEM_DOCS[code], code, requestId: "5f0c6a1e-2b7d-4c1a-9c3e-8d2f4b6a7e90" },
      },
    ]),
  );
}

/**
 * The OpenAPI 3.1 document for the routes in `entries` under the documented prefix: one
 * operation per route and method, built from the zod schemas the handlers parse and
 * answer with. Nothing in it is written by hand per route beyond each route's summary.
 */
export function buildOpenApiDocument(entries: RouteEntry[], options: { serverUrl: string; title: string }): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const entry of entries.filter((e) => isDocumented(e.path)).sort((a, b) => a.path.localeCompare(b.path))) {
    (paths[openApiPath(entry.path)] ??= {})[entry.method.toLowerCase()] = operationOf(entry);
  }
  return {
    openapi: "3.1.0",
    // The current dated version (lib/api/versions.ts); `Tenantkit-Version` may pin any listed one.
    info: { title: options.title, version: CURRENT_VERSION, description: DESCRIPTION, "x-api-versions": API_VERSIONS.map((v) => v.date) },
    servers: [{ url: options.serverUrl.replace(/\/$/, "") }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tk_live_… / tk_test_…",
          description: "An organization's API key, created under Settings → API keys. Accepted on organization routes only.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The dashboard's session cookie (`__Secure-next-auth.session-token` over HTTPS). Writes made with it must come from the app's own origin. Account routes accept nothing else: an API key there is refused with 401.",
        },
      },
      schemas: { Problem: jsonSchemaOf(problemSchema, "output") },
      examples: problemExamples(),
      headers: headerComponents,
      parameters: parameterComponents,
    },
  };
}
