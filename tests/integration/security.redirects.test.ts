import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createUser } from "../support/factories";
import { client } from "../support/http";
import { signInWithPassword } from "./invitations.support";
import { TEST_PASSWORD } from "../support/factories";

// A sample of the payloads in lib/auth/safe-redirect.unit.test.ts, sent through the real pages.
const payloads = ["//evil.com", "/\\evil.com", "/%2F%2Fevil.com", "/%255Cevil.com", "https://evil.com/", "https://app@evil.com", "javascript:alert(1)", "/.//evil.com"];

describe("redirects after sign-in stay on this origin", () => {
  it.each(payloads)("sign-in page, already signed in, callbackUrl=%j goes to the dashboard", async (payload) => {
    const user = await createUser("Redirected");
    const res = await client(user).get(`/sign-in?callbackUrl=${encodeURIComponent(payload)}`);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/dashboard");
  });

  it("keeps a legitimate callbackUrl with its query and hash", async () => {
    const user = await createUser("Redirected");
    const res = await client(user).get(`/sign-in?callbackUrl=${encodeURIComponent("/account?tab=email#change")}`);
    expect(res.headers.get("location")).toBe("/account?tab=email#change");
  });

  it.each(payloads)("next-auth's own redirect (sign-out with callbackUrl=%j) lands on this origin", async (payload) => {
    const baseUrl = inject("baseUrl");
    const user = await createUser("SignOut");
    const session = await signInWithPassword(user.email, TEST_PASSWORD);
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: session } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = [session, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    const res = await fetch(`${baseUrl}/api/auth/signout`, {
      method: "POST",
      body: new URLSearchParams({ csrfToken, callbackUrl: payload, json: "true" }),
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    const { url } = (await res.json()) as { url: string };
    expect(new URL(url).origin).toBe(baseUrl);
    expect(url).toBe(`${baseUrl}/dashboard`);
  });
});
