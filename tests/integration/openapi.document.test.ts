import { readFile } from "node:fs/promises";
import { validate, compileErrors } from "@readme/openapi-parser";
import { z } from "zod";
import { describe, expect, inject, it } from "vitest";
import { ERROR_STATUS } from "@/lib/api/errors";
import { loadRouteTable, type RouteEntry } from "@/lib/api/route-table";
import { env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { openApiPath } from "@/lib/openapi/operation";
import { renderRouteModules, ROUTE_MODULES_FILE } from "@/lib/openapi/route-modules-source";
import { isDocumented } from "@/lib/openapi/scope";
import { tagOf } from "@/lib/openapi/tags";
import { slugSchema } from "@/lib/orgs/slug";
import { client } from "../support/http";

/**
 * The OpenAPI document against the code it describes: every route under /api/v1 has its
 * operation and no operation outlives its route; each operation's inputs and answer are
 * exactly the JSON Schema of the zod schemas the handler uses; the app serves this very
 * document; and it is valid OpenAPI 3.1.
 */

const table = (await loadRouteTable()).filter((r) => isDocumented(r.path));
const document = buildOpenApiDocument(table, { serverUrl: env.APP_URL, title: `${env.APP_NAME} API` });

type Operation = {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: { name?: string; in?: string; schema?: unknown; required?: boolean; $ref?: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

const operationFor = (entry: RouteEntry) => document.paths[openApiPath(entry.path)]?.[entry.method.toLowerCase()] as Operation | undefined;
const label = (entry: RouteEntry) => `${entry.method} ${entry.path}`;

/** What the handler's own schema converts to, independently of the generator's helpers. */
function expected(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io });
  return rest;
}

describe("the route table and the document", () => {
  it("has an operation for every documented route, and a route for every operation", () => {
    const fromRoutes = table.map((e) => `${e.method.toLowerCase()} ${openApiPath(e.path)}`).sort();
    const fromDocument = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
      .sort();
    expect(fromDocument).toEqual(fromRoutes);
    expect(table.length).toBeGreaterThan(40);
  });

  it("gives every route a wrapper, a summary, a tag and a unique operationId", () => {
    for (const entry of table) {
      expect(entry.meta, label(entry)).toBeDefined();
      expect(entry.meta?.summary, label(entry)).toMatch(/^[A-Z][^.]+$/);
      expect(tagOf(entry.path), label(entry)).toBeDefined();
    }
    const ids = table.map((e) => operationFor(e)!.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents a response schema for every route that answers with a body", () => {
    // Routes whose handlers return nothing answer 204; every other one declares what it sends.
    const bodiless = table.filter((e) => !e.meta?.response).map(label);
    for (const entry of table.filter((e) => !e.meta?.response)) expect(Object.keys(operationFor(entry)!.responses), label(entry)).toContain("204");
    expect(bodiless.every((l) => /^(DELETE|POST) /.test(l))).toBe(true);
  });

  it("pages every list: an answer holding a `data` array has `nextCursor` and takes `cursor` and `limit`", () => {
    for (const entry of table.filter((e) => e.method === "GET")) {
      const schema = operationFor(entry)!.responses["200"]?.content?.["application/json"]?.schema as { properties?: Record<string, { type?: string }> } | undefined;
      if (schema?.properties?.data?.type !== "array") continue;
      expect(schema.properties, label(entry)).toHaveProperty("nextCursor");
      const query = (operationFor(entry)!.parameters ?? []).filter((p: { in?: string }) => p.in === "query").map((p: { name?: string }) => p.name);
      expect(query, label(entry)).toEqual(expect.arrayContaining(["cursor", "limit"]));
    }
  });

  it("documents If-None-Match and If-Match exactly where the route declares an ETag", () => {
    for (const entry of table) {
      const names = (operationFor(entry)!.parameters ?? []).map((p: { $ref?: string }) => p.$ref);
      const read = entry.method === "GET";
      expect(names.includes("#/components/parameters/IfNoneMatch"), label(entry)).toBe(Boolean(entry.meta?.etag) && read);
      expect(names.includes("#/components/parameters/IfMatch"), label(entry)).toBe(Boolean(entry.meta?.etag) && !read);
    }
    expect(table.filter((e) => e.meta?.etag).map(label).sort()).toEqual(
      ["DELETE", "GET", "PATCH"].flatMap((m) => [`${m} /api/v1/orgs/[org]`, `${m} /api/v1/orgs/[org]/projects/[id]`]).sort(),
    );
  });

  it("offers Idempotency-Key on every POST that honours it, and says why on each one that does not", () => {
    const ignoring: string[] = [];
    for (const entry of table) {
      const operation = operationFor(entry)! as Operation & { description?: string; "x-idempotency-key"?: string };
      const offered = operation.parameters.some((p) => p.$ref === "#/components/parameters/IdempotencyKey");
      const honoured = entry.method === "POST" && entry.meta?.idempotencyKey === true;
      expect(offered, label(entry)).toBe(honoured);
      if (entry.method !== "POST" || honoured) {
        expect(entry.meta?.ignoresIdempotencyKey, `${label(entry)} honours the header or is no POST: it has nothing to explain`).toBeUndefined();
        continue;
      }
      ignoring.push(entry.path);
      expect(operation["x-idempotency-key"], label(entry)).toBe("ignored");
      expect(operation.description, label(entry)).toContain(`\`Idempotency-Key\` is not honoured here. ${entry.meta?.ignoresIdempotencyKey}`);
      expect(entry.meta?.ignoresIdempotencyKey, label(entry)).toMatch(/^[A-Z].{40,}\.$/);
    }
    // Credentials in the body or no signed-in caller (README, "Idempotency keys"); every other POST honours it.
    expect(ignoring.sort()).toEqual(
      [
        "/api/v1/me/password",
        "/api/v1/me/reauthenticate",
        "/api/v1/me/two-factor/enable",
        "/api/v1/me/two-factor/verify",
        "/api/v1/signup",
        "/api/v1/verify-email",
        "/api/v1/verify-email/resend",
      ].sort(),
    );
    const honouring = table.filter((e) => e.method === "POST" && e.meta?.kind === "user" && e.meta.idempotencyKey).map((e) => e.path);
    expect(honouring.sort()).toEqual(["/api/v1/invitations/accept", "/api/v1/me/email", "/api/v1/me/two-factor/recovery-codes", "/api/v1/me/two-factor/setup", "/api/v1/orgs"]);
  });

  it("keeps lib/openapi/route-modules.ts in step with the route files", async () => {
    const committed = await readFile(ROUTE_MODULES_FILE, "utf8");
    expect(committed, "run `npm run openapi:routes` and commit the result").toBe(await renderRouteModules());
  });
});

describe("each operation against its handler's schemas", () => {
  it.each(table.map((e) => [label(e), e] as const))("%s", (_label, entry) => {
    const operation = operationFor(entry)!;
    const meta = entry.meta!;
    const inPath = operation.parameters.filter((p) => p.in === "path");
    expect(inPath.map((p) => p.name)).toEqual(entry.pathParams);
    for (const param of inPath) {
      const schema = param.name === "org" && meta.kind === "org" ? expected(slugSchema, "input") : expected(meta.params!, "input").properties?.[param.name!];
      expect(param.schema, `path ${param.name}`).toEqual(schema);
    }

    const query = operation.parameters.filter((p) => p.in === "query");
    const querySchema = meta.query ? expected(meta.query, "input") : undefined;
    expect(query.map((p) => p.name)).toEqual(Object.keys(querySchema?.properties ?? {}));
    for (const param of query) {
      expect(param.schema, `query ${param.name}`).toEqual(querySchema!.properties![param.name!]);
      expect(param.required ?? false).toBe((querySchema!.required ?? []).includes(param.name!));
    }

    expect(operation.requestBody?.content["application/json"]?.schema).toEqual(meta.body ? expected(meta.body, "input") : undefined);

    const success = Object.entries(operation.responses).filter(([status]) => status.startsWith("2"));
    expect(success).toHaveLength(1);
    const [status, response] = success[0]!;
    if (!meta.response) {
      expect(status).toBe("204");
      return;
    }
    expect(status).toBe(String(meta.status ?? 200));
    expect(Object.values(response.content ?? {})[0]?.schema).toEqual(expected(meta.response, "output"));
  });
});

describe("the served document", () => {
  it("is the generated one, public and cacheable", async () => {
    const res = await client().get<unknown>("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
    expect((res.body as { servers: { url: string }[] }).servers[0]!.url).toBe(inject("baseUrl"));
  });

  it("points every problem type at its section of the API reference on this origin", async () => {
    const refused = await client().get<{ type: string; code: string }>("/api/v1/orgs/no-such-org/projects");
    expect(refused.status).toBe(401);
    const type = new URL(refused.body.type);
    expect(`${type.origin}${type.pathname}`).toBe(`${inject("baseUrl")}/docs/api`);
    const page = await client().get<string>(type.pathname);
    expect(page.status).toBe(200);
    for (const code of Object.keys(ERROR_STATUS)) expect(page.body).toContain(`id="problem-${code.replaceAll("_", "-")}"`);
    expect(page.body).toContain(`id="${type.hash.slice(1)}"`);
  });

  it("is valid OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(result.specification).toBe("OpenAPI");
  });
});
