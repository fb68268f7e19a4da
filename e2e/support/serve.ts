/**
 * The app under e2e test: a fresh database on the local Postgres, migrated and seeded,
 * served by the production build (`next start`), with billing on the local Stripe stand-in
 * as `npm run dev` has it without keys. Playwright starts and stops it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startLocalStripeForApp } from "../../lib/billing/local-stripe/for-app";
import { migrate } from "../../lib/db/migrate";
import { serverEnv } from "../../scripts/lib/server-env";
import { withOneQueryAtATime } from "../../tests/support/pg-one-query-at-a-time";

const port = process.env.E2E_PORT ?? "3300";
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// Per port, so two e2e runs on one machine (on different E2E_PORTs) do not share a database.
const name = `tenantkit_e2e_${port}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
const databaseUrl = url.toString();
await migrate({ connectionString: databaseUrl });

const baseUrl = `http://127.0.0.1:${port}`;
const localStripe = await startLocalStripeForApp({ appUrl: baseUrl });
const env = {
  ...process.env,
  NODE_ENV: "production",
  APP_ENV: "test",
  APP_URL: baseUrl,
  NEXTAUTH_URL: baseUrl,
  NEXTAUTH_SECRET: "tenantkit-e2e-secret-that-is-at-least-32-chars",
  DATABASE_URL: databaseUrl,
  DATA_DIR: mkdtempSync(path.join(tmpdir(), "tenantkit-e2e-")),
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  RATE_LIMIT_MULTIPLIER: "100",
  // A production build: the outbox (magic links, invitations) and the demo seed are opt-in.
  DEV_OUTBOX: "on",
  SEED_DEMO: "on",
  ...localStripe.env,
  // As `npm start` runs it (scripts/lib/serve.ts).
  ...serverEnv({ ...process.env, NODE_OPTIONS: withOneQueryAtATime(process.env.NODE_OPTIONS) }),
} as const;
Object.assign(process.env, env);
const { seed } = await import("../../prisma/seed");
await seed(databaseUrl);

const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", port, "-H", "127.0.0.1"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => void localStripe.stripe.stop().finally(() => process.exit(code ?? 0)));
