import type { ErrorCode } from "@/lib/api/errors";

/**
 * What each problem `code` means and what a client should do about it, for the API
 * reference's problem section (each `type` URI points there). A Record, so a new code
 * does not compile until it is documented.
 */
export const PROBLEM_DOCS: Record<ErrorCode, string> = {
  bad_request:
    "The request could not be read: the body is not valid JSON or UTF-8, or the URL is malformed. Fix the request; retrying it unchanged fails again.",
  invalid_input:
    "A field failed validation. `errors` lists each one with its dotted `path` (`emails.2`) and a message; `detail` repeats the first. Nothing was changed.",
  unauthenticated:
    "No usable credentials: the API key is missing, malformed, revoked or expired, or the session has ended. Account routes (`/api/v1/me/…`) refuse API keys with this code too.",
  two_factor_pending: "The session signed in with a password but still owes its two-factor code: complete it with `POST /api/v1/me/two-factor/verify`.",
  seat_limit:
    "Every seat is taken (members plus pending invitations). The body carries `used`, `max` and an `upgradeUrl`: remove someone, revoke an invitation, or buy seats.",
  plan_limit: "The plan's limit on projects or monthly API calls is reached. The body carries `limit`, `used`, `max` and an `upgradeUrl`.",
  billing_read_only: "A payment is overdue past its grace period: reads work, writes wait until the invoice is paid (billing stays open to admins).",
  forbidden: "The caller's role, or the API key's role, does not include the permission the operation needs. Each operation lists the roles that may call it.",
  two_factor_required: "The organization requires two-factor authentication and the caller has not turned it on.",
  feature_unavailable: "The organization's plan does not include the feature (API access, audit-log export, requiring two-factor). Upgrade to use it.",
  reauthentication_required:
    "A destructive action needs a password confirmation or a sign-in within the last few minutes: call `POST /api/v1/me/reauthenticate`, then retry.",
  not_found: "The resource does not exist, or the caller may not know it does: another organization's ids answer exactly like missing ones.",
  method_not_allowed: "The path exists but does not take this HTTP method.",
  conflict:
    "The request contradicts the current state (a slug that is taken, the last owner leaving) or lost a race with a simultaneous change. Nothing was saved; reload and decide again.",
  idempotency_in_progress:
    "An earlier request with the same `Idempotency-Key` is still being answered. Wait, then retry with the same key to get its response.",
  precondition_failed:
    "The `If-Match` header names a version of the resource that is no longer current. Fetch it again, reapply the change and send the new ETag.",
  idempotency_key_reused: "The `Idempotency-Key` was already used for a different request (another path, method or body). Use a new key for a new operation.",
  payload_too_large: "The body is larger than the API accepts (64 KiB for JSON bodies).",
  unsupported_media_type: "Send the body as JSON with `Content-Type: application/json`.",
  rate_limited:
    "Too many requests in the current window. Wait the number of seconds in `Retry-After`; `RateLimit-*` headers on every answer show how close a client is.",
  internal: "Something failed on the server. Nothing the client sent caused it; retry later and quote `requestId` to support if it persists.",
  unavailable:
    "A service the request needs (Stripe, the rate-limit store) could not be reached, so nothing was changed. Retry after the time in `Retry-After` when present.",
};
