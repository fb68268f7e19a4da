import { inject } from "vitest";

export type SignInAttempt = { sessionCookie: string | null; error: string | null };

/** next-auth's CSRF token and the cookie that carries its other half, as a form page gets them. */
async function csrf(headers: Record<string, string>): Promise<{ csrfToken: string; cookie: string }> {
  const res = await fetch(`${inject("baseUrl")}/api/auth/csrf`, { headers });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

/** Where next-auth sent the browser, and the `error` code in it. */
async function errorOf(res: Response, baseUrl: string): Promise<string | null> {
  const location = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return location ? new URL(location, baseUrl).searchParams.get("error") : null;
}

/** What the browser's password form does: next-auth's CSRF token, then the credentials callback. */
export async function signInWithPassword(email: string, password: string, headers: Record<string, string> = {}): Promise<SignInAttempt> {
  const baseUrl = inject("baseUrl");
  const { csrfToken, cookie } = await csrf(headers);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return { sessionCookie: session ? session.split(";")[0]! : null, error: await errorOf(res, baseUrl) };
}

/** Asks next-auth for a magic link to `email` (the link lands in the outbox). Returns whether it was accepted. */
export async function requestMagicLink(email: string, headers: Record<string, string> = {}): Promise<{ status: number; error: string | null }> {
  const baseUrl = inject("baseUrl");
  const { csrfToken, cookie } = await csrf(headers);
  const res = await fetch(`${baseUrl}/api/auth/signin/email`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, email, callbackUrl: `${baseUrl}/dashboard`, json: "true" }),
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  return { status: res.status, error: await errorOf(res, baseUrl) };
}

/** Opens a magic link as the browser would and returns the session cookie it sets. */
export async function followMagicLink(link: string): Promise<string | null> {
  const res = await fetch(link, { redirect: "manual" });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return session ? session.split(";")[0]! : null;
}
