/**
 * What `npm run dev` and `npm start` do before Next starts: pick the database (the
 * embedded one when DATABASE_URL is unset), make sure NEXTAUTH_SECRET exists, apply
 * migrations and, when appropriate, seed the demo organisation; then say what happened.
 * Under `npm start` nothing dev-only happens by itself: the demo seed needs SEED_DEMO=on.
 * Under `npm run dev` without STRIPE_SECRET_KEY, billing goes to the local Stripe stand-in.
 */
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { startLocalStripeForApp } from "@/lib/billing/local-stripe/for-app";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { EMBEDDED_DATABASE_ENV } from "@/lib/db/embedded-env";
import { migrate } from "@/lib/db/migrate";
import { DEMO_ORG_SLUG, DEMO_PASSWORD, seed } from "@/prisma/seed";
import { describeDatabase } from "./describe-database";
import { loadEnvFiles } from "./load-env";
import { persistentNextAuthSecret } from "./nextauth-secret";

export type Prepared = {
  /** The environment for the Next process. */
  env: NodeJS.ProcessEnv;
  port: number;
  /** Stops the embedded database and the local Stripe stand-in, if they were started. */
  stop(): Promise<void>;
};

type Database = { app: string; owner: string; embedded?: EmbeddedDatabase };

export async function prepare({ dev }: { dev: boolean }): Promise<Prepared> {
  // Next gets the original environment plus only what this script decided: it loads the
  // .env files itself, and in dev reloads them on change, which it would not do for
  // values it found already set.
  const inherited = { ...process.env };
  loadEnvFiles(dev);
  const decided: Record<string, string> = {};
  const decide = (name: string, value: string) => {
    process.env[name] = decided[name] = value;
  };
  const summary: [string, string][] = [];
  // lib/env.ts has the same default.
  const dataDir = process.env.DATA_DIR || ".data";

  const port = parsePort(process.env.PORT);
  const url = process.env.APP_URL || `http://localhost:${port}`;
  if (!process.env.APP_URL) decide("APP_URL", url);
  // next-auth v4 assumes http://localhost:3000 without it, which breaks sign-in on any other port.
  if (!process.env.NEXTAUTH_URL) decide("NEXTAUTH_URL", url);

  let secretNote: string | undefined;
  if (!process.env.NEXTAUTH_SECRET) {
    const { secret, file, generated } = await persistentNextAuthSecret(dataDir);
    decide("NEXTAUTH_SECRET", secret);
    secretNote = `NEXTAUTH_SECRET ${generated ? "generated in" : "read from"} ${relative(file)}`;
  }

  const database = await openDatabase(dataDir);
  let localStripe: Awaited<ReturnType<typeof startLocalStripeForApp>>["stripe"] | undefined;
  const stopAll = async () => {
    await localStripe?.stop();
    await database.embedded?.stop();
  };
  try {
    if (database.embedded) {
      decide("DATABASE_URL", database.app);
      for (const [name, value] of Object.entries(EMBEDDED_DATABASE_ENV)) decide(name, value);
      if (!process.env.APP_ENV) decide("APP_ENV", "local");
      const { directory, created } = database.embedded;
      summary.push([
        "Database",
        `embedded PGlite in ${relative(directory)}${created ? " (new)" : ""} at ${describeDatabase(database.app)}; set DATABASE_URL to use your own Postgres`,
      ]);
    } else {
      summary.push(["Database", `${describeDatabase(database.app)} (DATABASE_URL)`]);
    }

    const applied = await migrate({ connectionString: database.owner, log: (message) => console.log(`  ${message}`) });
    summary.push(["Migrations", applied.length ? `applied ${applied.join(", ")}` : "up to date"]);

    const before = await inspect(database.owner);
    const seedDemo = optIn("SEED_DEMO");
    // Demo users with a published password: only on a fresh embedded database under
    // `npm run dev`, or when asked for by name.
    const wantSeed = seedDemo === "on" || (dev && seedDemo !== "off" && database.embedded !== undefined && !before.hasOrganizations);
    const seeded = wantSeed && (await seed(database.app));
    const hasDemo = seeded || before.hasDemo;
    summary.push([
      "Demo data",
      seeded ? `seeded organisation "${DEMO_ORG_SLUG}"` : hasDemo ? "present" : "none (start with SEED_DEMO=on to add it)",
    ]);
    if (hasDemo) summary.push(["Sign in", `owner@acme.test / ${DEMO_PASSWORD} (also admin@, member@, viewer@acme.test)`]);

    if (process.env.STRIPE_SECRET_KEY) {
      summary.push(["Billing", `Stripe (STRIPE_SECRET_KEY${process.env.STRIPE_API_URL ? `, API at ${process.env.STRIPE_API_URL}` : ""})`]);
    } else if (dev) {
      // Only the dev server: `npm start` without keys runs with billing off, never on a stand-in.
      const started = await startLocalStripeForApp({ appUrl: url, appName: process.env.APP_NAME || "Tenantkit", stateFile: path.join(dataDir, "local-stripe.json") });
      localStripe = started.stripe;
      for (const [name, value] of Object.entries(started.env)) decide(name, value);
      summary.push(["Billing", `local Stripe stand-in (test mode) at ${started.stripe.url}; no real money. Events at ${url}/dev/billing; set STRIPE_SECRET_KEY to use your Stripe account`]);
    } else {
      summary.push(["Billing", "off (set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PRICE_PRO)"]);
    }

    if (secretNote) summary.push(["Secret", secretNote]);
    summary.push(["URL", url]);
    const width = Math.max(...summary.map(([label]) => label.length));
    console.log(`\nTenantkit\n${summary.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")}\n`);
    if (!dev && database.embedded) console.log(LOCAL_TRIAL_NOTICE);

    return { env: { ...inherited, ...decided }, port, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

const LOCAL_TRIAL_NOTICE = `  ┌──────────────────────────────────────────────────────────────────────────────┐
  │ npm start on the embedded database is for trying the build on this machine.  │
  │ It is NOT a production setup: one in-process database, a generated secret,   │
  │ no backups. For production set DATABASE_URL, NEXTAUTH_SECRET and APP_URL     │
  │ (README, "Use your own Postgres").                                           │
  │ Without RESEND_API_KEY no mail goes out: DEV_OUTBOX=on keeps it at           │
  │ /dev/outbox (this machine only). SEED_DEMO=on adds the demo organisation.    │
  └──────────────────────────────────────────────────────────────────────────────┘
`;

/** An opt-in switch read before lib/env.ts can load (it needs DATABASE_URL); same values as there. */
function optIn(name: "SEED_DEMO"): "on" | "off" | undefined {
  const value = process.env[name]?.trim();
  if (!value) return undefined;
  const parsed = z.enum(["on", "off"]).safeParse(value);
  if (!parsed.success) throw new Error(`${name} must be "on" or "off", got "${value}".`);
  return parsed.data;
}

async function openDatabase(dataDir: string): Promise<Database> {
  const app = process.env.DATABASE_URL;
  if (app) return { app, owner: process.env.MIGRATION_DATABASE_URL || app };
  if (process.env.MIGRATION_DATABASE_URL) {
    throw new Error("MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set both, or neither to use the embedded database.");
  }
  console.log("Starting the embedded database…");
  const embedded = await startEmbeddedDatabase({ dataDir });
  return { app: embedded.connectionString, owner: embedded.connectionString, embedded };
}

/** An embedded database without organisations has never been used: it gets the demo data. */
async function inspect(connectionString: string): Promise<{ hasOrganizations: boolean; hasDemo: boolean }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ has_organizations: boolean; has_demo: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM "organizations") AS has_organizations,
              EXISTS (SELECT 1 FROM "organizations" WHERE "slug" = $1) AS has_demo`,
      [DEMO_ORG_SLUG],
    );
    return { hasOrganizations: rows[0]?.has_organizations ?? false, hasDemo: rows[0]?.has_demo ?? false };
  } finally {
    await client.end();
  }
}

function parsePort(value: string | undefined): number {
  const port = Number(value || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${value}".`);
  return port;
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
