/**
 * Stripe's SDK errors carry their class name in `type`. Matching on it keeps the SDK out of
 * the API shell every route loads (lib/api/handler.ts).
 */
const TRANSIENT = new Set(["StripeConnectionError", "StripeAPIError", "StripeRateLimitError", "StripeIdempotencyError"]);

const stripeErrorType = (error: unknown) =>
  typeof error === "object" && error !== null && "type" in error && typeof error.type === "string" && error.type.startsWith("Stripe") ? error.type : null;

/** Stripe was down, slow or busy: the same call may succeed later (a retry, a job's next attempt). */
export function isTransientStripeError(error: unknown): boolean {
  const type = stripeErrorType(error);
  return type !== null && TRANSIENT.has(type);
}
