import { ERROR_STATUS, type ErrorCode } from "@/lib/api/errors";
import type { RouteEntry } from "@/lib/api/route-entries";
import { PAUSED_WHEN_READ_ONLY } from "@/lib/auth/permissions";
import { limits } from "@/lib/rate-limit/limits";
import { acceptsIdempotencyKey, conditionalHeaders } from "./conditional";

/**
 * The problem codes an operation can answer with, derived from what its wrapper does
 * (lib/api/with-org.ts, with-user.ts) rather than listed per route: parsing input, the
 * kind of caller, the permission, the rate limit. A route adds only the refusals its
 * service makes (`errors` in its RouteDocs).
 */
export function errorCodesFor(entry: RouteEntry): ErrorCode[] {
  const meta = entry.meta;
  const codes = new Set<ErrorCode>();
  if (meta?.body || meta?.query || meta?.params) codes.add("invalid_input");
  if (meta?.body) codes.add("bad_request").add("payload_too_large").add("unsupported_media_type");
  if (meta?.kind === "org") {
    // A key's org must have API access and calls left this month; a person's org may require 2FA.
    codes
      .add("unauthenticated")
      .add("two_factor_pending")
      .add("forbidden")
      .add("not_found")
      .add("two_factor_required")
      .add("feature_unavailable")
      .add("plan_limit");
    if (meta.permission && PAUSED_WHEN_READ_ONLY.has(meta.permission)) codes.add("billing_read_only");
  }
  if (meta?.kind === "user") {
    codes.add("unauthenticated").add("two_factor_pending");
    if (meta.params) codes.add("not_found");
  }
  if (meta?.recentAuth) codes.add("reauthentication_required");
  if (conditionalHeaders(entry).ifMatch) codes.add("precondition_failed");
  if (acceptsIdempotencyKey(entry)) codes.add("idempotency_in_progress").add("idempotency_key_reused");
  codes.add("rate_limited");
  // Limits that fail closed answer 503 when their store is down rather than let requests through.
  if (meta?.limit && limits[meta.limit].onStoreFailure === "closed") codes.add("unavailable");
  for (const code of meta?.errors ?? []) codes.add(code);
  codes.add("internal");
  return [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b] || a.localeCompare(b));
}

/** Codes grouped by the HTTP status they share, in status order. */
export function byStatus(codes: ErrorCode[]): [number, ErrorCode[]][] {
  const groups = new Map<number, ErrorCode[]>();
  for (const code of codes) groups.set(ERROR_STATUS[code], [...(groups.get(ERROR_STATUS[code]) ?? []), code]);
  return [...groups.entries()].sort(([a], [b]) => a - b);
}
