import { AppError } from "./errors";
import { problemResponse } from "./problem";
import { requestIdOf } from "./request-id";

/**
 * Next answers a bare, uncaught 500 when it cannot percent-decode a path into route
 * params (`%zz`, `%C0%AF`, a lone surrogate sent as `%ED%A0%80`), before any handler
 * runs. The proxy refuses such URLs first: a client error is a 400, and a 500 would
 * hide real failures in the error rate.
 */
export function refuseMalformedPath(pathname: string, headers: Headers): Response | null {
  if (decodablePath(pathname)) return null;
  const message = "The URL path is not valid percent-encoded UTF-8.";
  if (pathname.startsWith("/api/")) return problemResponse(new AppError("bad_request", message), requestIdOf(headers));
  return new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Whether `pathname` percent-decodes to valid UTF-8, as Next needs to route it. */
export function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
