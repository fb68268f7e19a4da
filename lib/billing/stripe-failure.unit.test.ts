import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { isRetryableStripeFailure } from "./stripe-failure";

const raw = (statusCode: number, type: string) => ({ type, message: "x", statusCode }) as Stripe.StripeRawError;

describe("which Stripe failures a job retries", () => {
  it("retries outages, dropped connections, rate limits and fixable keys", () => {
    expect(isRetryableStripeFailure(new Stripe.errors.StripeAPIError(raw(500, "api_error")))).toBe(true);
    expect(isRetryableStripeFailure(new Stripe.errors.StripeConnectionError(raw(0, "api_error")))).toBe(true);
    expect(isRetryableStripeFailure(new Stripe.errors.StripeRateLimitError(raw(429, "rate_limit_error")))).toBe(true);
    expect(isRetryableStripeFailure(new Stripe.errors.StripeAuthenticationError(raw(401, "authentication_error")))).toBe(true);
    expect(isRetryableStripeFailure(new Error("database went away"))).toBe(true);
  });

  it("gives up on requests Stripe calls invalid", () => {
    expect(isRetryableStripeFailure(new Stripe.errors.StripeInvalidRequestError(raw(400, "invalid_request_error")))).toBe(false);
    expect(isRetryableStripeFailure(new Stripe.errors.StripeInvalidRequestError(raw(404, "invalid_request_error")))).toBe(false);
  });
});
