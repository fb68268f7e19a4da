/** What a browser sends with a same-origin `fetch` that changes data (see lib/api/same-origin.ts). */
export function sameOriginHeaders(baseUrl: string): Record<string, string> {
  return { origin: baseUrl, "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" };
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/**
 * Signs in as the password form does: next-auth's CSRF token (and the cookie holding its other
 * half), then the credentials callback. Returns the session cookie (`name=value`).
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    headers: { cookie: cookiesOf(csrf).join("; "), "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Signing in as ${email} failed (${res.status}): ${await res.text()}`);
  return session;
}

/** Creates a read-only API key for the org through the API, as an owner does in Settings → API keys. */
export async function createApiKey(baseUrl: string, slug: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/orgs/${slug}/api-keys`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", ...sameOriginHeaders(baseUrl) },
    body: JSON.stringify({ name: "bench", role: "read_only" }),
  });
  const body = (await res.json()) as { key?: string };
  if (res.status !== 201 || !body.key) throw new Error(`Creating an API key failed (${res.status}): ${JSON.stringify(body)}`);
  return body.key;
}
