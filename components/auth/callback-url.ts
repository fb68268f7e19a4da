const AUTH_PAGES = ["/sign-in", "/sign-up"];

/**
 * Where to go after signing in: only paths on our own origin (no open redirect), and
 * never back to an auth page. next-auth hands over absolute URLs, so those are accepted
 * when they point at `appUrl`.
 */
export function safeCallbackUrl(value: string | undefined, appUrl: string, fallback = "/dashboard"): string {
  if (!value) return fallback;
  try {
    const base = new URL(appUrl);
    const url = new URL(value, base);
    if (url.origin !== base.origin) return fallback;
    if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
