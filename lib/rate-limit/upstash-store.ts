import { Redis } from "@upstash/redis";
import type { RateLimitStore } from "./store";

/** Upstash's REST client: stateless HTTP, so there is nothing to close. */
export function createUpstashStore(url: string, token: string): RateLimitStore {
  return { kind: "upstash", redis: new Redis({ url, token }), close: async () => {} };
}
