/**
 * The headers the API reads and sends besides each operation's own input, as OpenAPI
 * components that operations reference (document.ts, operation.ts say which get which).
 */
import { CURRENT_VERSION, VERSION_HEADER } from "@/lib/api/versions";
import { IDEMPOTENCY_HEADER } from "@/lib/idempotency/header";

const ref = (kind: "headers" | "parameters", name: string) => ({ $ref: `#/components/${kind}/${name}` });

const versionSchema = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", examples: [CURRENT_VERSION] };

export const headerComponents = {
  RequestId: {
    description:
      "This request's id, also in the problem body's `requestId` and in the server's logs. A client may send its own `X-Request-Id` (up to 64 characters) to correlate.",
    schema: { type: "string" },
  },
  TenantkitVersion: { description: "The dated API version that answered. See the changelog for what each version changed.", schema: versionSchema },
  RateLimitLimit: { description: "Requests allowed in the current window for this caller and route.", schema: { type: "integer" } },
  RateLimitRemaining: { description: "Requests left in the current window.", schema: { type: "integer" } },
  RateLimitReset: { description: "Seconds until the window resets.", schema: { type: "integer" } },
  RetryAfter: { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 1 } },
  ETag: { description: "The version of the resource returned. Send it back in `If-None-Match` (reads) or `If-Match` (changes).", schema: { type: "string" } },
};

export const parameterComponents = {
  TenantkitVersion: {
    name: VERSION_HEADER,
    in: "header",
    required: false,
    description: "The dated API version the client was written against. Without it the current version answers; the response says which one did.",
    schema: versionSchema,
  },
  IdempotencyKey: {
    name: IDEMPOTENCY_HEADER,
    in: "header",
    required: false,
    description:
      "A unique key per logical operation (a UUID, say). Retrying with the same key and the same request returns the first answer instead of acting twice; the same key with a different request is refused (422), and while the first is still running a retry gets 409.",
    schema: { type: "string", minLength: 1, maxLength: 255 },
  },
  IfNoneMatch: {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: "An ETag from an earlier read: if the resource has not changed since, the answer is 304 Not Modified with no body.",
    schema: { type: "string" },
  },
  IfMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description: "An ETag from an earlier read: the change applies only if the resource is still at that version, else 412 `precondition_failed`.",
    schema: { type: "string" },
  },
};

type HeaderName = keyof typeof headerComponents;

/** Every answer's headers, plus the rate-limit counts where the route's wrapper reports them. */
export function responseHeaders(options: { rateLimit: boolean; etag?: boolean; retryAfter?: boolean }): Record<string, { $ref: string }> {
  const headers: Record<string, HeaderName> = { "X-Request-Id": "RequestId", [VERSION_HEADER]: "TenantkitVersion" };
  if (options.rateLimit)
    Object.assign(headers, { "RateLimit-Limit": "RateLimitLimit", "RateLimit-Remaining": "RateLimitRemaining", "RateLimit-Reset": "RateLimitReset" });
  if (options.retryAfter) headers["Retry-After"] = "RetryAfter";
  if (options.etag) headers.ETag = "ETag";
  return Object.fromEntries(Object.entries(headers).map(([name, component]) => [name, ref("headers", component)]));
}

export const headerParameter = (name: keyof typeof parameterComponents) => ref("parameters", name);
