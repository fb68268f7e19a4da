import { createRequire } from "node:module";
import { afterAll, inject } from "vitest";
import { EMBEDDED_DATABASE_ENV } from "@/lib/db/embedded-env";
import { forgetModulesBuiltUnderStubs } from "./import-with-env";
import { TEST_SECRET } from "./test-config";

// Test files import lib/ modules (factories, services) that parse env on import:
// point them at the same database and secret as the app server under test.
process.env.DATABASE_URL = inject("appDatabaseUrl");
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.APP_URL = inject("baseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.APP_ENV = "test";
process.env.DATABASE_POOL_SIZE = "4";
if (inject("dbMode") === "pglite") Object.assign(process.env, EMBEDDED_DATABASE_ENV);

afterAll(forgetModulesBuiltUnderStubs);

// Services that tests call directly hold pg to the rule the test server holds it to.
createRequire(import.meta.url)("./pg-one-query-at-a-time.cjs");
