import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { start as startFakeStripe } from "@/lib/billing/local-stripe/server";
import { preparePglite, preparePostgres, startAppServer } from "./app-server";
import { withOneQueryAtATime } from "./pg-one-query-at-a-time";
import { TEST_SECRET, testDatabaseMode } from "./test-config";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    appDatabaseUrl: string;
    /** The migrating role: RLS does not confine it, so tests can see every org's rows. */
    ownerDatabaseUrl: string;
    dataDir: string;
    dbMode: "postgres" | "pglite";
    /** The local Stripe-shaped server the app's billing talks to (lib/billing/local-stripe/server.ts). */
    stripeUrl: string;
    stripeWebhookSecret: string;
    /** For tests that drive the stand-in with the real SDK, as the app does. */
    stripeSecretKey: string;
  }
}

/** Migrates a test database, then serves the production build against it over real HTTP. */
export default async function setup(project: TestProject) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` (npm test does it for you).");
  const mode = testDatabaseMode();
  const dataDir = mkdtempSync(path.join(tmpdir(), "tenantkit-test-"));
  const db = mode === "pglite" ? await preparePglite(dataDir) : await preparePostgres(`tenantkit_test_${process.pid}`);

  const port = Number(process.env.TEST_APP_PORT ?? (mode === "pglite" ? 3211 : 3210));
  // Billing is configured in every test run, so the whole suite runs with it switched on.
  const stripe = await startFakeStripe();
  let server;
  try {
    server = await startAppServer({
      port,
      databaseUrl: db.appUrl,
      dataDir,
      secret: TEST_SECRET,
      env: { ...db.appEnv, NODE_OPTIONS: withOneQueryAtATime(process.env.NODE_OPTIONS), STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_URL: stripe.url, STRIPE_PRICE_PRO: stripe.prices[0]!.id },
    });
  } catch (error) {
    await stripe.stop();
    await db.stop();
    throw error;
  }
  stripe.setWebhookUrl(`${server.baseUrl}/api/webhooks/stripe`);

  project.provide("baseUrl", server.baseUrl);
  project.provide("appDatabaseUrl", db.appUrl);
  project.provide("ownerDatabaseUrl", db.ownerUrl);
  project.provide("dataDir", dataDir);
  project.provide("dbMode", mode);
  project.provide("stripeUrl", stripe.url);
  project.provide("stripeWebhookSecret", stripe.webhookSecret);
  project.provide("stripeSecretKey", stripe.secretKey);

  return async () => {
    await server.stop();
    await stripe.stop();
    if (process.env.TEST_SERVER_LOG) console.log(server.output.join(""));
    await db.stop();
  };
}
