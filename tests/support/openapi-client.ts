import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: "path" | "query" | "header"; required?: boolean };
type MediaType = { schema: Schema };
type Response = { content?: Record<string, MediaType>; headers?: Record<string, unknown> };
type Operation = {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
};
type Document = {
  info: { version: string; "x-api-versions"?: string[] };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }>; schemas: Record<string, Schema>; parameters: Record<string, Parameter> };
};

export type CallResult = { status: number; body: unknown; headers: Headers };

/**
 * A client that knows nothing of Tenantkit but its OpenAPI document, the way a customer's
 * generated SDK would: the server URL, each operation's method and path template, its
 * parameters and the auth scheme all come from the document. Every answer must have a
 * status the operation documents, and its body must match that status's schema (ajv,
 * JSON Schema 2020-12), so a response that drifts from its schema fails the call.
 */
export async function openApiClient(documentUrl: string, apiKey: string) {
  const doc = (await (await fetch(documentUrl)).json()) as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const operations = new Map<string, { method: string; path: string; operation: Operation }>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) operations.set(operation.operationId, { method: method.toUpperCase(), path, operation });
  }
  const validators = new Map<Schema, ValidateFunction>();
  const resolve = (schema: Schema): Schema => {
    const ref = typeof schema.$ref === "string" ? /^#\/components\/schemas\/(.+)$/.exec(schema.$ref) : null;
    return ref ? doc.components.schemas[ref[1]!]! : schema;
  };
  const validatorFor = (schema: Schema) => {
    const resolved = resolve(schema);
    if (!validators.has(resolved)) validators.set(resolved, ajv.compile(resolved));
    return validators.get(resolved)!;
  };

  function authHeaders(operation: Operation): Record<string, string> {
    const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
    const bearer = schemes.find((name) => doc.components.securitySchemes[name]?.type === "http" && doc.components.securitySchemes[name]?.scheme === "bearer");
    if (!bearer) throw new Error(`${operation.operationId} takes no bearer credential`);
    return { authorization: `Bearer ${apiKey}` };
  }

  async function call(
    operationId: string,
    input: { path?: Record<string, string>; query?: Record<string, string | number>; headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<CallResult> {
    const found = operations.get(operationId);
    if (!found) throw new Error(`the document has no operation ${operationId}`);
    const { method, path, operation } = found;
    const declared = (operation.parameters ?? []).map((p) => ("$ref" in p ? doc.components.parameters[p.$ref.split("/").pop()!]! : p));
    let url = path;
    for (const param of declared.filter((p) => p.in === "path")) {
      const value = input.path?.[param.name];
      if (value === undefined) throw new Error(`${operationId} needs path parameter ${param.name}`);
      url = url.replace(`{${param.name}}`, encodeURIComponent(value));
    }
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(input.query ?? {})) {
      if (!declared.some((p) => p.in === "query" && p.name === name)) throw new Error(`${operationId} has no query parameter ${name}`);
      search.set(name, String(value));
    }
    const headers = authHeaders(operation);
    for (const [name, value] of Object.entries(input.headers ?? {})) {
      if (!declared.some((p) => p.in === "header" && p.name.toLowerCase() === name.toLowerCase())) throw new Error(`${operationId} takes no header ${name}`);
      headers[name] = value;
    }
    if (input.body !== undefined) {
      if (!operation.requestBody?.content["application/json"]) throw new Error(`${operationId} takes no JSON body`);
      headers["content-type"] = "application/json";
    }
    const query = search.size > 0 ? `?${search}` : "";
    const res = await fetch(`${doc.servers[0]!.url}${url}${query}`, {
      method,
      headers,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
    });
    const text = await res.text();
    if (res.status === 304) {
      if (!operation.responses["304"]) throw new Error(`${operationId} answered 304, which it does not document`);
      return { status: 304, body: text, headers: res.headers };
    }
    const documented = operation.responses[String(res.status)];
    if (!documented) throw new Error(`${operationId} answered ${res.status}, which it does not document: ${text}`);
    const type = res.headers.get("content-type")?.split(";")[0] ?? "";
    const media = documented.content?.[type];
    if (documented.content && !media)
      throw new Error(`${operationId} answered ${res.status} as ${type}, documented as ${Object.keys(documented.content).join(", ")}`);
    const body = text && type.endsWith("json") ? (JSON.parse(text) as unknown) : text;
    if (media) {
      const validate = validatorFor(media.schema);
      if (!validate(body)) throw new Error(`${operationId} ${res.status} does not match its schema: ${ajv.errorsText(validate.errors)}\n${text}`);
    }
    return { status: res.status, body, headers: res.headers };
  }

  return { call, document: doc };
}
