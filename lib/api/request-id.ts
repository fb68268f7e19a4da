export const REQUEST_ID_HEADER = "x-request-id";

/** The caller's own request id (cut to 64 characters) when it sent one, else a new one. */
export function requestIdOf(headers: Headers): string {
  return headers.get(REQUEST_ID_HEADER)?.slice(0, 64) || crypto.randomUUID();
}

/**
 * Puts the request id on a response made outside apiRoute (next-auth, health). Some
 * responses have immutable headers (`Response.redirect`): those are copied first.
 */
export function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}
