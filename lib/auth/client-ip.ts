import { isIP } from "node:net";
import { env } from "@/lib/env";
import { requestsStamped } from "@/lib/server/request-stamps";
import { PEER_ADDRESS_HEADER } from "./peer-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/** Where the client IP comes from: lib/env.ts parses these from TRUSTED_PROXY_HOPS / TRUSTED_IP_HEADER. */
export type ClientIpConfig = { trustedProxyHops: number; trustedIpHeader?: string; peerCaptured: boolean };

/** Shared by every caller whose address cannot be known: errs on the side of limiting. */
export const UNKNOWN_IP = "unknown";

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A bare IP, or undefined: `[::1]` and IPv4-mapped IPv6 (`::ffff:10.0.0.1`) are unwrapped. */
export function normalizeIp(value: string | undefined): string | undefined {
  let ip = value?.trim();
  if (!ip) return undefined;
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) ip = mapped[1];
  return isIP(ip) ? ip.toLowerCase() : undefined;
}

/**
 * The client's IP under `config`, never a value the client chose:
 * - a trusted platform header: its value;
 * - N trusted proxies: the X-Forwarded-For entry N from the right (each proxy appends the
 *   address it saw, so entries further left are whatever the client sent);
 * - no proxy: the TCP peer, as stamped by lib/auth/peer-address.ts. X-Forwarded-For is
 *   ignored then, because `next start` passes a client's own value through unchanged.
 */
export function resolveClientIp(source: HeaderSource, config: ClientIpConfig): string {
  if (config.trustedIpHeader) return normalizeIp(header(source, config.trustedIpHeader)?.split(",")[0]) ?? UNKNOWN_IP;
  if (config.trustedProxyHops > 0) {
    const entries = (header(source, "x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
    // Fewer entries than hops: the request skipped a proxy; the leftmost was still written by one.
    const entry = entries.length >= config.trustedProxyHops ? entries[entries.length - config.trustedProxyHops] : entries[0];
    return normalizeIp(entry) ?? UNKNOWN_IP;
  }
  return (config.peerCaptured ? normalizeIp(header(source, PEER_ADDRESS_HEADER)) : undefined) ?? UNKNOWN_IP;
}

/** The client IP under this deployment's settings (rate limits, audit log, sessions). */
export function clientIp(source: HeaderSource): string {
  return resolveClientIp(source, { trustedProxyHops: env.TRUSTED_PROXY_HOPS, trustedIpHeader: env.TRUSTED_IP_HEADER, peerCaptured: requestsStamped() });
}

/** Whether `ip` is this machine (127.0.0.0/8 or ::1). */
export function isLoopback(ip: string): boolean {
  return ip === "::1" || /^127\.\d+\.\d+\.\d+$/.test(ip);
}
