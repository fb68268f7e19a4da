/**
 * Where the app may send a browser after sign-in, sign-up, sign-out or an invitation:
 * only a path on this origin. Every `callbackUrl`, `next` or redirect target goes through
 * here, on the server (pages, next-auth's `redirect` callback) and in the browser (forms),
 * so it reads no env: the caller passes the origin.
 *
 * Anything doubtful falls back rather than being repaired: a legitimate link never needs
 * a backslash, a control character, an encoded slash at the start of its path, or
 * another host.
 */

const MAX_LENGTH = 2048;
const AUTH_PAGES = ["/sign-in", "/sign-up"];
// Browsers drop tabs and newlines inside URLs and read `\` as `/`, so `/\t/evil` or `/\evil`
// would leave the origin once the browser had cleaned them up.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// How many layers of percent-encoding are looked through (`%252F` is `/` encoded twice).
const DECODE_LAYERS = 3;

/**
 * The path (with query and hash) that `target` points to on `origin`, or `fallback`.
 * Absolute URLs are accepted only for `origin` itself (next-auth hands those over).
 */
export function safeRedirect(target: unknown, origin: string, fallback = "/dashboard"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_LENGTH) return fallback;
  if (FORBIDDEN.test(target)) return fallback;

  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return fallback;
  }

  let path = target;
  if (SCHEME.test(target)) {
    const absolute = parse(target, base);
    if (!absolute || absolute.origin !== base.origin || absolute.username || absolute.password) return fallback;
    path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  }
  if (!path.startsWith("/") || !pathIsPlain(path)) return fallback;

  const url = parse(path, base);
  if (!url || url.origin !== base.origin) return fallback;
  // Dot segments are resolved by now: `/.//evil.com` has become `//evil.com`.
  const resolved = `${url.pathname}${url.search}${url.hash}`;
  return pathIsPlain(resolved) ? resolved : fallback;
}

/** As `safeRedirect`, and never back to sign-in or sign-up (which would loop). */
export function safeCallbackUrl(target: unknown, origin: string, fallback = "/dashboard"): string {
  const path = safeRedirect(target, origin, fallback);
  const pathname = path.split(/[?#]/, 1)[0] ?? "";
  return AUTH_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`)) ? fallback : path;
}

/** next-auth's `redirect` callback: an absolute URL on `baseUrl`, whatever it was asked for. */
export function nextAuthRedirect(url: string, baseUrl: string): string {
  return new URL(safeRedirect(url, baseUrl), baseUrl).href;
}

/**
 * The path part, decoded layer by layer, must stay a plain path: `/%2F%2Fevil.com` or
 * `/%255Cevil.com` would become `//evil.com` or `/\evil.com` for anything that decodes
 * it once more before redirecting.
 */
function pathIsPlain(path: string): boolean {
  let layer = path.split(/[?#]/, 1)[0] ?? "";
  for (let i = 0; i <= DECODE_LAYERS; i++) {
    if (layer.startsWith("//") || FORBIDDEN.test(layer)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return false;
    }
    if (decoded === layer) return true;
    layer = decoded;
  }
  // Still encoded after that many layers: nothing legitimate looks like this.
  return false;
}

function parse(value: string, base: URL): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}
