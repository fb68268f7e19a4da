import { createHash } from "node:crypto";
import { createClient } from "redis";
import { log } from "@/lib/log";
import { withoutUpstashFlags } from "./lua-shebang";
import type { RateLimitStore, ScriptRedis } from "./store";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** node-redis takes string arguments; @upstash/ratelimit passes numbers (and `null` to its reset script). */
function toRedisArgument(value: unknown): string {
  if (typeof value === "string") return value;
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

/**
 * A store on a real Redis (node-redis), for local development, CI and self-hosting.
 *
 * @upstash/ratelimit calls `evalsha` with the SHA1 of its original script and, on NOSCRIPT,
 * `eval` with the source. Real Redis needs the source without the Upstash-only shebang flag,
 * which has another SHA1, so the adapter remembers original SHA1 -> rewritten SHA1. After the
 * first `eval` of a script every call is one EVALSHA round trip; if Redis loses its script cache
 * (restart, SCRIPT FLUSH) the NOSCRIPT error travels back and the library sends the source again.
 */
export function createRedisStore(url: string): RateLimitStore {
  // Without the offline queue a command fails at once while the connection is down, so the
  // limit's failure policy decides immediately instead of every request waiting for the timeout.
  const client = createClient({ url, disableOfflineQueue: true });

  let outageReported = false;
  client.on("error", (error: unknown) => {
    if (outageReported) return; // node-redis retries every few hundred ms; report each outage once
    outageReported = true;
    log.warn("rate-limit Redis connection error; retrying", { error });
  });
  client.on("ready", () => {
    outageReported = false;
  });

  // Awaited by every command: only the very first connection can be pending for long, and the
  // limiter's timeout bounds that wait. Later reconnects do not block (see disableOfflineQueue).
  let connected: Promise<unknown> | undefined;
  const ready = async () => {
    connected ??= client.connect();
    await connected;
    return client;
  };

  const rewrittenSha = new Map<string, string>();

  const redis: ScriptRedis = {
    async evalsha(sha, keys, args) {
      const target = rewrittenSha.get(sha);
      if (target === undefined) {
        // Not sent yet in this process: answer like Redis so the library falls back to `eval`.
        throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      }
      return (await ready()).evalSha(target, { keys, arguments: args.map(toRedisArgument) });
    },
    async eval(script, keys, args) {
      const runnable = withoutUpstashFlags(script);
      const result = await (await ready()).eval(runnable, { keys, arguments: args.map(toRedisArgument) });
      // EVAL caches the script in Redis under the SHA1 of what was sent.
      rewrittenSha.set(sha1(script), sha1(runnable));
      return result;
    },
  };

  return {
    kind: "redis",
    redis,
    async close() {
      if (client.isReady) await client.close();
      // Still connecting (Redis down): a graceful close would wait for it, so drop the socket.
      else if (client.isOpen) client.destroy();
    },
  };
}
