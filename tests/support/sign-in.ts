import { inject } from "vitest";

export type SignInAttempt = { sessionCookie: string | null; error: string | null };

/** What the browser's password form does: next-auth's CSRF token, then the credentials callback. */
export async function signInWithPassword(email: string, password: string, headers: Record<string, string> = {}): Promise<SignInAttempt> {
  const baseUrl = inject("baseUrl");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  const location = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return { sessionCookie: session ? session.split(";")[0]! : null, error: location ? new URL(location, baseUrl).searchParams.get("error") : null };
}

/** Asks next-auth for a magic link to `email` (the link lands in the outbox). Returns whether it was accepted. */
export async function requestMagicLink(email: string, headers: Record<string, string> = {}): Promise<{ status: number; error: string | null }> {
  const baseUrl = inject("baseUrl");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/signin/email`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, email, callbackUrl: `${baseUrl}/dashboard`, json: "true" }),
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const location = res.headers.get("location") ?? body.url ?? "";
  return { status: res.status, error: location ? new URL(location, baseUrl).searchParams.get("error") : null };
}

/** Opens a magic link as the browser would and returns the session cookie it sets. */
export async function followMagicLink(link: string): Promise<string | null> {
  const res = await fetch(link, { redirect: "manual" });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return session ? session.split(";")[0]! : null;
}
