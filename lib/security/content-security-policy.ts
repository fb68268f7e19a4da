/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce
 * (Next adds it to its own scripts, next-themes to its inline one) or when loaded by such a
 * script ('strict-dynamic'); no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline':
 * React `style` attributes and the toaster's injected styles need it, and a nonce in
 * style-src would switch it off.
 */
export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Next's dev server evaluates modules with eval (React's debugging features need it too).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The request header through which pages read this response's nonce (set by stampPageSecurity in lib/security/page-headers.ts, or by proxy.ts where that stamp does not run; read in app/layout.tsx). */
export const NONCE_HEADER = "x-nonce";

/** 16 random bytes, base64: unguessable, and fresh for every response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Two years, as browsers' preload lists expect; only ever sent for an https APP_URL. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
