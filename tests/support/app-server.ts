import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { EMBEDDED_DATABASE_ENV } from "@/lib/db/embedded-env";
import { serverEnv } from "../../scripts/lib/server-env";

export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const APP_LOGIN_ROLE = "tenantkit_test_login";

/** `appEnv`: what the app server needs set for this database (lib/db/embedded-env.ts). */
export type TestDatabase = { appUrl: string; ownerUrl: string; appEnv: Record<string, string>; stop: () => Promise<void> };

/** A fresh, migrated database on the local server, and the NOSUPERUSER role the app logs in as. */
export async function preparePostgres(name: string): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const ownerUrl = new URL(ADMIN_URL);
  ownerUrl.pathname = `/${name}`;
  await migrate({ connectionString: ownerUrl.toString() });
  await admin.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${APP_LOGIN_ROLE}') then
        create role ${APP_LOGIN_ROLE} login nosuperuser nobypassrls;
      end if; end $$`);
  // tenantkit_worker (lib/db/job-schema.ts): the app server runs the job worker in process.
  // tenantkit_auth: the auth code paths (password hashes, TOTP secrets) run on this login too.
  await admin.query(`grant tenantkit_app, tenantkit_worker, tenantkit_auth to ${APP_LOGIN_ROLE}`);
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_LOGIN_ROLE;
  return {
    appUrl: appUrl.toString(),
    ownerUrl: ownerUrl.toString(),
    appEnv: {},
    stop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The zero-setup database: embedded PGlite in `dataDir`, migrated. */
export async function preparePglite(dataDir: string): Promise<TestDatabase> {
  const embedded = await startEmbeddedDatabase({ dataDir, port: 0 });
  await migrate({ connectionString: embedded.connectionString });
  return { appUrl: embedded.connectionString, ownerUrl: embedded.connectionString, appEnv: EMBEDDED_DATABASE_ENV, stop: () => embedded.stop() };
}

export type AppServer = { baseUrl: string; output: string[]; pid: number; stop: () => Promise<void> };

/** Serves the production build (`next start`) against `databaseUrl` and waits until it is healthy. */
export async function startAppServer(options: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  secret: string;
  env?: Record<string, string>;
  /** Node options that NODE_OPTIONS may not carry (`--cpu-prof`): Next then runs under this Node with them. */
  nodeArgs?: string[];
  /** Keep only the last this many chunks of the server's output (a benchmark's request logs would fill memory). */
  keepOutput?: number;
  /** Sees every chunk of the server's output (stdout and stderr) as it arrives. */
  onOutput?: (chunk: string) => void;
}): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // Otherwise the health check below could be answered by whatever already listens there.
  await assertPortFree(options.port);
  const nextArgs = ["start", "-p", String(options.port), "-H", "127.0.0.1"];
  const [command, args] = options.nodeArgs?.length
    ? [process.execPath, [...options.nodeArgs, path.resolve("node_modules/next/dist/bin/next"), ...nextArgs]]
    : [path.resolve("node_modules/.bin/next"), nextArgs];
  const server = spawn(command, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      APP_ENV: "test",
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: options.secret,
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      RATE_LIMIT_MULTIPLIER: "1000",
      // As if behind two proxies (a CDN, then a load balancer): tests send X-Forwarded-For
      // "client, cdn" and the client is the entry two from the right.
      TRUSTED_PROXY_HOPS: "2",
      // A production build: the outbox the mail tests read is opt-in there.
      DEV_OUTBOX: "on",
      // Webhook retries in seconds rather than hours, and an endpoint disabled after two
      // deliveries that gave up (tests/integration/webhooks.retries.test.ts).
      WEBHOOKS_RETRY_BASE_MS: "200",
      WEBHOOKS_MAX_ATTEMPTS: "3",
      WEBHOOKS_DISABLE_AFTER: "2",
      WEBHOOKS_TIMEOUT_MS: "2000",
      ...options.env,
      // As `npm start` runs it (scripts/lib/serve.ts), so tests and the bench measure that server.
      ...serverEnv({ ...process.env, ...options.env }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (d: Buffer) => {
    const chunk = d.toString();
    options.onOutput?.(chunk);
    output.push(chunk);
    if (options.keepOutput !== undefined && output.length > options.keepOutput) output.shift();
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  // A script that fails without stopping its server (an uncaught error, process.exit) stops it
  // on its way out, rather than leaving it on a database the next run of the script drops.
  const stopOnExit = () => server.kill("SIGTERM");
  process.once("exit", stopOnExit);
  const stop = async () => {
    process.removeListener("exit", stopOnExit);
    if (server.exitCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  };
  try {
    await waitForHealthy(baseUrl, server);
  } catch (error) {
    console.error(output.join(""));
    await stop();
    throw error;
  }
  return { baseUrl, output, pid: server.pid!, stop };
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", () => reject(new Error(`Port ${port} is in use: stop what listens there or pick another port (TEST_APP_PORT / BENCH_PORT).`)))
      .once("listening", () => probe.close(() => resolve()))
      .listen(port, "127.0.0.1");
  });
}

async function waitForHealthy(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app server did not become healthy at ${url} within ${timeoutMs} ms`);
}
