import Stripe from "stripe";

/**
 * Whether a failed Stripe call can succeed if made again later, for jobs deciding between a
 * retry (throw) and giving up (log and complete). Stripe down, unreachable, slow, rate
 * limiting or answering 5xx: yes. A refused key or missing permission: yes too, an operator
 * can fix it while the retries last. A request Stripe called invalid (400, 404: a cancelled
 * subscription, a deleted item): no, the same request would be refused again.
 */
export function isRetryableStripeFailure(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return true;
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) return false;
  return !error.statusCode || error.statusCode >= 401;
}
