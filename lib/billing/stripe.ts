import Stripe from "stripe";
import { AppError } from "@/lib/api/errors";
import { env, features } from "@/lib/env";

/**
 * The API version every request is made with and every object shape in this code assumes.
 * Stripe sends webhooks in the account's default version, which is why the webhook handler
 * reads ids from events and fetches the objects themselves through this client.
 */
export const STRIPE_API_VERSION = "2026-10-28.endive" as const satisfies Stripe.LatestApiVersion;

/** `STRIPE_API_URL` (tests, the offline dev server) sends every call to that host instead of api.stripe.com. */
function endpoint(url: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!url) return {};
  const parsed = new URL(url);
  const protocol = parsed.protocol === "http:" ? "http" : "https";
  return { host: parsed.hostname, port: Number(parsed.port || (protocol === "http" ? 80 : 443)), protocol };
}

function createClient(): Stripe | null {
  if (!features.billing || !env.STRIPE_SECRET_KEY) return null;
  return new Stripe(env.STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    ...endpoint(env.STRIPE_API_URL),
    // Requests from a route handler: fail fast and let the caller (or Stripe's webhook retry) try again.
    timeout: 10_000,
    maxNetworkRetries: 2,
    appInfo: { name: env.APP_NAME },
  });
}

/** The one Stripe client, or null when billing is not configured (features.billing). */
export const stripe: Stripe | null = createClient();

/** The client, or a 503 problem that says what to configure. */
export function requireStripe(): Stripe {
  if (!stripe) {
    throw new AppError("unavailable", "Billing is not configured on this server: set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PRICE_PRO (see the README's billing section).");
  }
  return stripe;
}
