import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { preparePglite, preparePostgres, startAppServer } from "./app-server";
import { TEST_SECRET, testDatabaseMode } from "./test-config";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    appDatabaseUrl: string;
    /** The migrating role: RLS does not confine it, so tests can see every org's rows. */
    ownerDatabaseUrl: string;
    dataDir: string;
    dbMode: "postgres" | "pglite";
  }
}

/** Migrates a test database, then serves the production build against it over real HTTP. */
export default async function setup(project: TestProject) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` (npm test does it for you).");
  const mode = testDatabaseMode();
  const dataDir = mkdtempSync(path.join(tmpdir(), "tenantkit-test-"));
  const db = mode === "pglite" ? await preparePglite(dataDir) : await preparePostgres(`tenantkit_test_${process.pid}`);

  const port = Number(process.env.TEST_APP_PORT ?? (mode === "pglite" ? 3211 : 3210));
  let server;
  try {
    server = await startAppServer({ port, databaseUrl: db.appUrl, dataDir, secret: TEST_SECRET });
  } catch (error) {
    await db.stop();
    throw error;
  }

  project.provide("baseUrl", server.baseUrl);
  project.provide("appDatabaseUrl", db.appUrl);
  project.provide("ownerDatabaseUrl", db.ownerUrl);
  project.provide("dataDir", dataDir);
  project.provide("dbMode", mode);

  return async () => {
    await server.stop();
    if (process.env.TEST_SERVER_LOG) console.log(server.output.join(""));
    await db.stop();
  };
}
