import { type FakeStripe, start } from "./server";

/**
 * Starts the stand-in for an app that runs without Stripe keys (`npm run dev`, the e2e server)
 * and returns the environment that points the app's billing at it. Events go to the app's
 * webhook at `appUrl`, signed with the secret handed to the app.
 */
export async function startLocalStripeForApp(options: { appUrl: string; appName?: string; stateFile?: string }): Promise<{ stripe: FakeStripe; env: Record<string, string> }> {
  const stripe = await start({ appName: options.appName ?? "Tenantkit", stateFile: options.stateFile });
  stripe.setWebhookUrl(new URL("/api/webhooks/stripe", options.appUrl).toString());
  return {
    stripe,
    env: {
      STRIPE_API_URL: stripe.url,
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_PRICE_PRO: stripe.prices[0]!.id,
    },
  };
}
