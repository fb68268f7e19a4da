import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedPath } from "@/lib/api/malformed-url";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";
import { pageSecurityHeaders } from "@/lib/security/page-headers";
import { requestsStamped } from "@/lib/server/request-stamps";

/**
 * Two jobs, on the requests `config` matches:
 * - a path that cannot be percent-decoded gets a 400 here (Next would answer a bare 500);
 * - a page gets a fresh CSP nonce per response, with the policy and HSTS where the app is
 *   served over HTTPS, but only on hosts that serve Next without instrumentation.ts's server
 *   patch. Under `next start` and the standalone server every request is stamped with them
 *   before Next sees it (stampPageSecurity in lib/security/page-headers.ts), and the matcher
 *   below skips the proxy for stamped pages: running it costs a page about a tenth of its
 *   server time. A stamped page whose path holds a `%` still comes here for the first job and
 *   keeps its stamped headers, so that it never carries two policies.
 * The other security headers are static and come from next.config.js.
 */
export function proxy(request: NextRequest) {
  const malformed = refuseMalformedPath(request.nextUrl.pathname, request.headers);
  if (malformed) return malformed;
  if (request.nextUrl.pathname.startsWith("/api/") || requestsStamped()) return NextResponse.next();

  const { nonce, policy, hsts } = pageSecurityHeaders();

  // Next reads the policy from the request to put the nonce on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (hsts) response.headers.set("strict-transport-security", hsts);
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
      // Router prefetches are not rendered as documents: no policy needed. A request that
      // carries a nonce was stamped before Next saw it (a client's own is replaced there).
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        // NONCE_HEADER, written out: Next reads this config without running the module.
        { type: "header", key: "x-nonce" },
      ],
    },
  ],
};
