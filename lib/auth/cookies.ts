import type { NextAuthOptions } from "next-auth";
import { features } from "@/lib/env";

/**
 * next-auth's cookies, decided by APP_URL (not by whatever NEXTAUTH_URL says). Over HTTPS the
 * session and callback cookies are `__Secure-` and the CSRF cookie `__Host-`: browsers accept
 * them only with Secure (and, for `__Host-`, no Domain and Path=/), so neither a plain-http
 * response nor a sibling subdomain can plant or overwrite them. Over http (local, tests) the
 * names stay unprefixed. The remaining OAuth cookies (state, PKCE, nonce) follow
 * `useSecureCookies` in next-auth itself.
 */
export function authCookies(secure: boolean): Pick<NextAuthOptions, "useSecureCookies" | "cookies"> {
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const securePrefix = secure ? "__Secure-" : "";
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: `${securePrefix}next-auth.session-token`, options },
      callbackUrl: { name: `${securePrefix}next-auth.callback-url`, options },
      csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options },
    },
  };
}

export const authCookieOptions = authCookies(features.https);

/** The session cookie's name (chunks of a long token are `<name>.0`, `<name>.1`…). */
export const SESSION_COOKIE = authCookieOptions.cookies?.sessionToken?.name ?? "next-auth.session-token";
