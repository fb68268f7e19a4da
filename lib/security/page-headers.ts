import type { IncomingMessage, ServerResponse } from "node:http";
import { decodablePath } from "@/lib/api/malformed-url";
import { env, features } from "@/lib/env";
import { contentSecurityPolicy, createNonce, NONCE_HEADER, STRICT_TRANSPORT_SECURITY } from "./content-security-policy";

const dev = env.NODE_ENV === "development";
const hsts = env.NODE_ENV === "production" && features.https;

/** A page response's own security headers: a fresh nonce, the policy that names it, and HSTS where the app is served over HTTPS. */
export function pageSecurityHeaders(): { nonce: string; policy: string; hsts: string | null } {
  const nonce = createNonce();
  return { nonce, policy: contentSecurityPolicy({ nonce, dev, https: features.https }), hsts: hsts ? STRICT_TRANSPORT_SECURITY : null };
}

/** Requests that never render a page: API routes and Next's build assets. */
const NOT_A_PAGE = /^\/(?:api|_next\/static)\//;

/** proxy.ts answers a path that cannot be percent-decoded with a 400 before any page renders. */
const renders = (url: string) => !NOT_A_PAGE.test(url) && decodablePath(url.replace(/\?.*$/s, ""));

/**
 * The request stamp (lib/server/request-stamps.ts) that gives every page its nonce-based CSP
 * before Next sees the request. Next reads the policy from the request to put the nonce on its
 * own scripts, and the root layout reads the nonce for the theme script. Whatever a client sent
 * under those two request headers is replaced, or removed where no page is rendered, so a
 * client never chooses a nonce; proxy.ts does the same work where this stamp does not run.
 */
export function stampPageSecurity(req: IncomingMessage, res: ServerResponse): void {
  if (!renders(req.url ?? "")) {
    delete req.headers[NONCE_HEADER];
    delete req.headers["content-security-policy"];
    return;
  }
  const { nonce, policy, hsts } = pageSecurityHeaders();
  req.headers[NONCE_HEADER] = nonce;
  req.headers["content-security-policy"] = policy;
  res.setHeader("content-security-policy", policy);
  if (hsts) res.setHeader("strict-transport-security", hsts);
}
