import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { TEST_SECRET, testDatabaseMode } from "./test-config";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    appDatabaseUrl: string;
    dataDir: string;
    dbMode: "postgres" | "pglite";
  }
}

const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const APP_LOGIN_ROLE = "tenantkit_test_login";

/** A fresh database on the local server, and the NOSUPERUSER role the app logs in as. */
async function preparePostgres(): Promise<{ appUrl: string; stop: () => Promise<void> }> {
  const name = `tenantkit_test_${process.pid}`;
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
  await admin.query(`grant tenantkit_app to ${APP_LOGIN_ROLE}`);
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_LOGIN_ROLE;
  return {
    appUrl: appUrl.toString(),
    stop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function preparePglite(dataDir: string) {
  const embedded = await startEmbeddedDatabase({ dataDir, port: 0 });
  await migrate({ connectionString: embedded.connectionString });
  return { appUrl: embedded.connectionString, stop: () => embedded.stop() };
}

async function waitForHealthy(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app server did not become healthy at ${url} within ${timeoutMs} ms`);
}

/** Migrates a test database, then serves the production build against it over real HTTP. */
export default async function setup(project: TestProject) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` (npm test does it for you).");
  const mode = testDatabaseMode();
  const dataDir = mkdtempSync(path.join(tmpdir(), "tenantkit-test-"));
  const db = mode === "pglite" ? await preparePglite(dataDir) : await preparePostgres();

  const port = Number(process.env.TEST_APP_PORT ?? (mode === "pglite" ? 3211 : 3210));
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      APP_ENV: "test",
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: TEST_SECRET,
      DATABASE_URL: db.appUrl,
      DATA_DIR: dataDir,
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      RATE_LIMIT_MULTIPLIER: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  server.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  server.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  try {
    await waitForHealthy(baseUrl, server);
  } catch (error) {
    console.error(output.join(""));
    server.kill("SIGKILL");
    await db.stop();
    throw error;
  }

  project.provide("baseUrl", baseUrl);
  project.provide("appDatabaseUrl", db.appUrl);
  project.provide("dataDir", dataDir);
  project.provide("dbMode", mode);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    if (process.env.TEST_SERVER_LOG) console.log(output.join(""));
    await db.stop();
  };
}
