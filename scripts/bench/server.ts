import { createClient } from "redis";
import { startAppServer, type AppServer } from "../../tests/support/app-server";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const SECRET = "tenantkit-bench-secret-that-is-at-least-32-chars";

/** The rate limiter must count in Redis, as in production: a Redis that is not there would make it fail open, unmeasured. */
export async function assertRedis(): Promise<void> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await Promise.race([client.connect(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000))]);
    await client.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (${error instanceof Error ? error.message : String(error)}): the bench measures with the rate limiter on.`);
  } finally {
    await client.close().catch(() => {});
  }
}

/** The production server as the bench measures it, on `databaseUrl` with the database's own settings (`appEnv`). */
export function startBenchServer(options: {
  port: number;
  databaseUrl: string;
  appEnv: Record<string, string>;
  dataDir: string;
  nodeArgs?: string[];
  onOutput?: (chunk: string) => void;
}): Promise<AppServer> {
  return startAppServer({
    port: options.port,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    secret: SECRET,
    keepOutput: 200,
    onOutput: options.onOutput,
    env: {
      ...options.appEnv,
      REDIS_URL,
      // Counted in Redis on every request, never refused.
      RATE_LIMIT_MULTIPLIER: "1000000",
      // The client is the TCP peer, as with no proxy in front; no dev outbox.
      TRUSTED_PROXY_HOPS: "0",
      DEV_OUTBOX: "off",
    },
    nodeArgs: options.nodeArgs,
  });
}
