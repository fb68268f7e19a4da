import type { OpenApiDocument } from "./document";
import { fieldsOf, type Field } from "./fields";
import type { JsonSchema } from "./json-schema";

type Json = Record<string, unknown>;

export type ReferenceParameter = { name: string; in: string; required: boolean; type: string; notes: string[]; description?: string };

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  caller: "org" | "user" | "public";
  permission?: string;
  roles: string[];
  apiKeyRoles: string[];
  /** In words: "300 requests per minute", or the numbers per plan for tenant routes. */
  rateLimit?: string;
  recentAuth: boolean;
  parameters: ReferenceParameter[];
  headers: string[];
  body?: { fields: Field[]; example: unknown };
  response: { status: string; mediaType?: string; fields: Field[]; example?: unknown };
  errors: { status: string; codes: string[] }[];
};

export type ReferenceTag = { name: string; description: string; operations: ReferenceOperation[] };

const asJson = (v: unknown) => (v ?? {}) as Json;

function parameter(raw: Json, components: Json): ReferenceParameter | { header: string } {
  if (typeof raw.$ref === "string") {
    const resolved = asJson(asJson(components.parameters)[raw.$ref.split("/").pop()!]);
    return { header: String(resolved.name) };
  }
  const [field] = fieldsOf({ type: "object", properties: { [String(raw.name)]: asJson(raw.schema) as JsonSchema } });
  return {
    name: String(raw.name),
    in: String(raw.in),
    required: raw.required === true,
    type: field?.type ?? "string",
    notes: field?.notes ?? [],
    ...(typeof raw.description === "string" ? { description: raw.description } : {}),
  };
}

function operation(method: string, path: string, op: Json, components: Json): ReferenceOperation {
  const params = (op.parameters as Json[]).map((p) => parameter(p, components));
  const body = asJson(asJson(asJson(op.requestBody).content)["application/json"]);
  const responses = Object.entries(asJson(op.responses)).map(([status, r]) => [status, asJson(r)] as const);
  const [status, success] = responses.find(([s]) => s.startsWith("2"))!;
  const [mediaType, media] = Object.entries(asJson(success.content)).map(([t, m]) => [t, asJson(m)] as const)[0] ?? [];
  return {
    id: String(op.operationId),
    method: method.toUpperCase(),
    path,
    summary: String(op.summary),
    ...(typeof op.description === "string" ? { description: op.description } : {}),
    caller: op["x-caller"] as ReferenceOperation["caller"],
    ...(typeof op["x-permission"] === "string" ? { permission: op["x-permission"] } : {}),
    roles: (op["x-roles"] as string[] | undefined) ?? [],
    apiKeyRoles: (op["x-api-key-roles"] as string[] | undefined) ?? [],
    ...rateLimitOf(op["x-rate-limit"]),
    recentAuth: op["x-recent-auth"] === true,
    parameters: params.filter((p): p is ReferenceParameter => "name" in p),
    headers: params.filter((p): p is { header: string } => "header" in p).map((p) => p.header),
    ...(body.schema ? { body: { fields: fieldsOf(body.schema as JsonSchema), example: body.example } } : {}),
    response: {
      status,
      ...(mediaType ? { mediaType } : {}),
      fields: media?.schema && mediaType === "application/json" ? fieldsOf(media.schema as JsonSchema) : [],
      ...(media && "example" in media ? { example: media.example } : {}),
    },
    errors: responses.filter(([s]) => !s.startsWith("2") && s !== "304").map(([s, r]) => ({ status: s, codes: (r["x-problem-codes"] as string[] | undefined) ?? [] })),
  };
}

type PlanRates = Record<string, number>;
type RateLimitExtension = { requests?: number; window: string; group?: string; org?: PlanRates; caller?: PlanRates };

const UNITS: Record<string, string> = { s: "second", m: "minute", h: "hour", d: "day" };

/** `1 m` → "minute", `15 m` → "15 minutes" (@upstash/ratelimit's duration strings). */
function perWindow(window: string): string {
  const [count = "1", unit = "m"] = window.split(" ");
  const word = UNITS[unit] ?? unit;
  return count === "1" ? word : `${count} ${word}s`;
}
const byPlan = (rates: PlanRates) => Object.values(rates).map((n) => n.toLocaleString("en-US")).join(" / ");

function rateLimitOf(raw: unknown): { rateLimit?: string } {
  if (!raw) return {};
  const limit = raw as RateLimitExtension;
  if (limit.org && limit.caller) {
    const plans = Object.keys(limit.org).join(" / ");
    return {
      rateLimit: `Per ${perWindow(limit.window)}, by plan (${plans}): ${byPlan(limit.org)} for the organization's ${limit.group} requests, ${byPlan(limit.caller)} for each API key or person.`,
    };
  }
  return { rateLimit: `${limit.requests} requests per ${perWindow(limit.window)}` };
}

/** The document as the reference page shows it: operations grouped by tag, in the document's tag order. */
export function referenceOf(doc: OpenApiDocument): ReferenceTag[] {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => operation(method, path, op, doc.components)),
  );
  return doc.tags
    .map((tag) => ({ ...tag, operations: operations.filter((op) => tagOfOperation(doc, op) === tag.name) }))
    .filter((tag) => tag.operations.length > 0);
}

function tagOfOperation(doc: OpenApiDocument, op: ReferenceOperation): string | undefined {
  const raw = doc.paths[op.path]?.[op.method.toLowerCase()];
  return (raw?.tags as string[] | undefined)?.[0];
}
