/**
 * One error class for everything a service or the API wrapper refuses. `code` is stable
 * (clients switch on it); withOrg maps it to RFC 9457 problem+json once (problem.ts).
 */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_input: 400,
  unauthenticated: 401,
  /** Signed in with the first factor; the session still owes its TOTP step. */
  two_factor_pending: 401,
  seat_limit: 402,
  /** Over a plan limit (projects, API calls): upgrade or remove something first. */
  plan_limit: 402,
  /** A payment is overdue past the grace period: reads work, writes wait until it is paid. */
  billing_read_only: 402,
  forbidden: 403,
  /** The org requires two-factor sign-in and the caller has not set it up. */
  two_factor_required: 403,
  /** The org's plan does not include the feature. */
  feature_unavailable: 403,
  /** A destructive action needs a password or a sign-in within the last few minutes. */
  reauthentication_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** The same Idempotency-Key is still being answered by an earlier request. */
  idempotency_in_progress: 409,
  /** `If-Match` names a version of the resource that is no longer current. */
  precondition_failed: 412,
  /** An Idempotency-Key reused with a different request. */
  idempotency_key_reused: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  /** Extra members of the problem body (RFC 9457 extensions), for clients that act on them: a limit's numbers, an upgrade link. */
  readonly extensions?: Record<string, string | number | null>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string>; extensions?: Record<string, string | number | null> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.errors = extra.errors;
    this.headers = extra.headers;
    this.extensions = extra.extensions;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
