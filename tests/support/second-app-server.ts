import { createServer } from "node:net";
import { inject } from "vitest";
import { startAppServer, type AppServer } from "./app-server";
import { TEST_SECRET } from "./test-config";

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
      });
  });
}

/**
 * Another `next start` of the same build on the same database, with `env` on top of the
 * test server's: for settings read at start-up (proxy trust, APP_URL's scheme).
 */
export async function startSecondAppServer(env: Record<string, string>): Promise<AppServer> {
  return startAppServer({ port: await freePort(), databaseUrl: inject("appDatabaseUrl"), dataDir: inject("dataDir"), secret: TEST_SECRET, env });
}
