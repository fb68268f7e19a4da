type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's IP for rate limiting: the first hop of X-Forwarded-For as set by the
 * platform's proxy, else X-Real-IP. Behind no proxy both are absent and all anonymous
 * callers share one bucket, which errs on the side of limiting.
 */
export function clientIp(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || header(source, "x-real-ip") || "unknown";
}
