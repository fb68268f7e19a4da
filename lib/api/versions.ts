import { z } from "zod";
import { AppError } from "./errors";

/** A change a dated version brings, as the changelog page (/docs/api/changelog) lists it. */
export type VersionChange = { kind: "added" | "changed" | "deprecated" | "removed"; text: string };

export type ApiVersion = {
  /** `YYYY-MM-DD`: what clients send in `Tenantkit-Version`. */
  date: string;
  title: string;
  changes: VersionChange[];
  /** Set once the version is scheduled to go: its answers carry Deprecation and Sunset headers. */
  deprecated?: Deprecation;
};

/** When something was deprecated and, once decided, when it stops working (RFC 9745, RFC 8594). */
export type Deprecation = { since: string; sunset?: string };

export const VERSION_HEADER = "Tenantkit-Version";

/**
 * Every dated version of `/api/v1`, oldest first; the last is the current one, which a
 * request without `Tenantkit-Version` gets. A breaking change adds a version here and
 * branches on `version` in its handler; additive changes (a new route, a new field, a new
 * optional parameter) reach every version and are listed under the version that brought them.
 */
export const API_VERSIONS = [
  {
    date: "2026-11-30",
    title: "First version",
    changes: [
      { kind: "added", text: "Organizations, members, invitations, projects, the audit log, billing, usage and API keys under `/api/v1`, with session cookies or API keys." },
      { kind: "added", text: "Errors as RFC 9457 problem+json with a stable `code`; every answer carries an `x-request-id`." },
      { kind: "added", text: "Cursor pagination on the projects and audit-log lists." },
    ],
  },
  {
    date: "2026-12-02",
    title: "The public API: reference, limits by plan, safe retries, webhooks, pagination everywhere and dated versions",
    changes: [
      { kind: "added", text: "`GET /api/v1/openapi.json`: an OpenAPI 3.1 document generated from the handlers' own schemas, rendered at `/docs/api`." },
      {
        kind: "added",
        text: "Rate limits by plan, per organization and route group and per API key or person, with `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` on every answer and `Retry-After` on a 429.",
      },
      { kind: "added", text: "`Idempotency-Key` on every organization `POST`: a retry with the same key and body replays the first answer; another body is a 422, a retry while the first runs a 409." },
      { kind: "added", text: "Outgoing webhooks: endpoints per organization, signed deliveries with retries, a delivery log with replay (`/api/v1/orgs/:org/webhooks`)." },
      { kind: "added", text: "The `Tenantkit-Version` request header picks a dated version; every `/api/v1` answer names the version it was served in." },
      {
        kind: "added",
        text: "`?cursor=&limit=` on the members, invitations, API keys, organizations, sessions and security-events lists, which answer `{ data, nextCursor }`.",
      },
      { kind: "added", text: "`ETag` on a project and an organization; `If-None-Match` answers 304 when nothing changed, and `If-Match` on their PATCH and DELETE answers 412 instead of overwriting a newer change." },
      { kind: "added", text: "`Deprecation`, `Sunset` and `Link` headers on any route or version scheduled to go." },
      {
        kind: "changed",
        text: "`GET /api/v1/me/sessions` and `GET /api/v1/me/security-events` answer `{ data, nextCursor }` instead of `{ sessions }` and `{ events }`. Requests pinned to 2026-11-30 still get the old shape (the first page).",
      },
      { kind: "changed", text: "In every version, members, invitations, API keys and organizations come at most 100 to a page (the default): follow `nextCursor` for the rest." },
    ],
  },
] as const satisfies readonly ApiVersion[];

export type ApiVersionDate = (typeof API_VERSIONS)[number]["date"];

const DATES = API_VERSIONS.map((v) => v.date) as [ApiVersionDate, ...ApiVersionDate[]];
export const CURRENT_VERSION: ApiVersionDate = DATES[DATES.length - 1]!;

const versionSchema = z.string().trim().pipe(z.enum(DATES));

/** The version a request asked for: the current one when it names none, a 400 when it names one that does not exist. */
export function requestedVersion(header: string | null): ApiVersionDate {
  if (header === null) return CURRENT_VERSION;
  const parsed = versionSchema.safeParse(header);
  if (parsed.success) return parsed.data;
  throw new AppError("bad_request", `Tenantkit-Version must be one of ${DATES.join(", ")} (or absent, for ${CURRENT_VERSION}).`, {
    errors: [{ path: "Tenantkit-Version", message: `is not a version; supported: ${DATES.join(", ")}` }],
    extensions: { supportedVersions: DATES.join(", "), currentVersion: CURRENT_VERSION },
  });
}

/** Whether `version` is older than `than`: dates in `YYYY-MM-DD` order as strings. */
export const isBefore = (version: ApiVersionDate, than: ApiVersionDate) => version < than;

export function versionInfo(date: ApiVersionDate): ApiVersion {
  return API_VERSIONS.find((v) => v.date === date)!;
}
