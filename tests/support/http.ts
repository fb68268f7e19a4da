import { encode } from "next-auth/jwt";
import { inject } from "vitest";
import { TEST_SECRET } from "./test-config";
import { createSession, type TestUser } from "./factories";

export type HttpResult<T = unknown> = { status: number; body: T; headers: Headers };

/**
 * The cookie next-auth would set after sign-in, minted with the app's secret, for the session
 * row `sessionId` (a new one, as a fresh sign-in records, when omitted).
 */
export async function sessionCookie(user: TestUser, sessionId?: string): Promise<string> {
  const sid = sessionId ?? (await createSession(user));
  const token = await encode({
    token: { sub: user.id, uid: user.id, sv: user.sessionVersion, sid, email: user.email, name: user.name },
    secret: TEST_SECRET,
  });
  return `next-auth.session-token=${token}`;
}

type RequestInit = { body?: unknown; rawBody?: string; headers?: Record<string, string> };

/** Real HTTP against the app server under test, as `user` (or anonymous). */
export function client(user?: TestUser, options: { sessionId?: string } = {}) {
  const baseUrl = inject("baseUrl");
  // One device per client: the first request signs in, later ones reuse its session.
  let cookie: Promise<string> | undefined;
  async function request<T>(method: string, path: string, init: RequestInit = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (user) headers.cookie ??= await (cookie ??= sessionCookie(user, options.sessionId));
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: "manual" });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // leave non-JSON bodies as text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  return {
    get: <T = unknown>(path: string, init?: RequestInit) => request<T>("GET", path, init),
    post: <T = unknown>(path: string, body?: unknown, init?: RequestInit) => request<T>("POST", path, { ...init, body }),
    patch: <T = unknown>(path: string, body?: unknown, init?: RequestInit) => request<T>("PATCH", path, { ...init, body }),
    delete: <T = unknown>(path: string, init?: RequestInit) => request<T>("DELETE", path, init),
    request,
  };
}
