import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedPath } from "@/lib/api/malformed-url";
import { env, features } from "@/lib/env";
import { contentSecurityPolicy, createNonce, NONCE_HEADER, STRICT_TRANSPORT_SECURITY } from "@/lib/security/content-security-policy";

const dev = env.NODE_ENV === "development";
const hsts = env.NODE_ENV === "production" && features.https;

/**
 * Two jobs, on the requests `config` matches:
 * - a path that cannot be percent-decoded gets a 400 here (Next would answer a bare 500);
 * - every page gets a fresh CSP nonce per response, and HSTS where the app is served over
 *   HTTPS. The other security headers are static and come from next.config.js.
 */
export function proxy(request: NextRequest) {
  const malformed = refuseMalformedPath(request.nextUrl.pathname, request.headers);
  if (malformed) return malformed;
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, dev, https: features.https });

  // Next reads the policy from the request to put the nonce on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (hsts) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/**
 * Next reads (and buffers up to 10 MB of) the whole body of every request a proxy matches
 * before any handler runs, which would undo the API's streamed body cap
 * (lib/api/request-input.ts): API routes are matched only when their raw path holds a `%`.
 */
export const config = {
  matcher: [
    "/(.*%.*)",
    {
      // Pages only: API responses are JSON, and static files carry no scripts of their own.
      source: "/((?!api/|_next/static|_next/image|favicon\\.svg|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|xml)$).*)",
      // Router prefetches are not rendered as documents: no policy needed.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
