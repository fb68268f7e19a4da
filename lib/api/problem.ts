import { NextResponse } from "next/server";
import { AppError, type ErrorCode } from "./errors";
import { problemType } from "./problem-type";

export const PROBLEM_TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  invalid_input: "Invalid input",
  unauthenticated: "Authentication required",
  two_factor_pending: "Two-factor code required",
  seat_limit: "Seat limit reached",
  plan_limit: "Plan limit reached",
  billing_read_only: "Read-only until a payment is made",
  forbidden: "Forbidden",
  two_factor_required: "Two-factor authentication required",
  feature_unavailable: "Not included in your plan",
  reauthentication_required: "Re-authentication required",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  idempotency_in_progress: "Request with this Idempotency-Key in progress",
  precondition_failed: "Precondition failed",
  idempotency_key_reused: "Idempotency-Key reused with a different request",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  internal: "Internal server error",
  unavailable: "Service unavailable",
};

/** RFC 9457 problem details. `type` is a stable URI per error code (problem-type.ts); lib/api/problem-schema.ts describes the body. */
export function problemResponse(error: AppError, requestId?: string): NextResponse {
  const body = {
    ...error.extensions,
    type: problemType(error.code),
    title: PROBLEM_TITLES[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
  return NextResponse.json(body, {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...(requestId ? { "x-request-id": requestId } : {}), ...error.headers },
  });
}
