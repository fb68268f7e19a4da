import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { AppServer } from "../support/app-server";
import { startSecondAppServer } from "../support/second-app-server";

const nonceOf = (policy: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];

async function page(baseUrl: string, path = "/sign-in", headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}${path}`, { redirect: "manual", headers });
  return { res, html: await res.text() };
}

const scriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);

describe("Content-Security-Policy", () => {
  it("carries a fresh nonce on every page response, and the page's scripts carry it", async () => {
    const baseUrl = inject("baseUrl");
    const first = await page(baseUrl);
    const second = await page(baseUrl);
    const policy = first.res.headers.get("content-security-policy");
    const nonce = nonceOf(policy);

    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.res.headers.get("content-security-policy"))).not.toBe(nonce);
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toMatch(/script-src [^;]*/);
    expect(/script-src ([^;]*)/.exec(policy ?? "")?.[1]).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).toContain("frame-ancestors 'none'");

    // Every <script> on the page, Next's and the theme script alike, has this response's nonce.
    const scripts = scriptTags(first.html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("never takes a nonce or a policy from the client", async () => {
    const { res, html } = await page(inject("baseUrl"), "/sign-in", { "x-nonce": "evil", "content-security-policy": "script-src 'nonce-evil'" });
    const nonce = nonceOf(res.headers.get("content-security-policy"));
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(html).not.toContain("evil");
    for (const tag of scriptTags(html)) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("sends one policy on a page whose path is percent-encoded, and a 400 for one that cannot be decoded", async () => {
    // Such paths also pass through proxy.ts, for its malformed-path check.
    const { res, html } = await page(inject("baseUrl"), "/no%20such%20page");
    expect(res.status).toBe(404);
    const policies = res.headers.get("content-security-policy") ?? "";
    expect(policies.match(/script-src/g)).toHaveLength(1);
    const nonce = nonceOf(policies);
    for (const tag of scriptTags(html)) expect(tag).toContain(`nonce="${nonce}"`);

    expect((await page(inject("baseUrl"), "/sign%zzin")).res.status).toBe(400);
  });

  it("sends no policy on API responses", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/health?live`, { headers: { "x-nonce": "evil" } });
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it("keeps the static security headers from next.config.js", async () => {
    const { res } = await page(inject("baseUrl"));
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});

describe("HTTPS-only headers and cookies", () => {
  let https: AppServer;

  beforeAll(async () => {
    // Served over plain HTTP here, as behind a TLS-terminating proxy: APP_URL says https.
    https = await startSecondAppServer({ APP_URL: "https://app.tenantkit.test", NEXTAUTH_URL: "https://app.tenantkit.test" });
  });
  afterAll(() => https?.stop());

  it("sends HSTS only when APP_URL is https", async () => {
    expect((await page(https.baseUrl)).res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect((await page(inject("baseUrl"))).res.headers.get("strict-transport-security")).toBeNull();
  });

  it("upgrades insecure requests only when APP_URL is https", async () => {
    expect((await page(https.baseUrl)).res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect((await page(inject("baseUrl"))).res.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("prefixes next-auth's cookies over https and not over http", async () => {
    const cookiesOf = async (baseUrl: string) => (await fetch(`${baseUrl}/api/auth/csrf`)).headers.getSetCookie();
    const secure = await cookiesOf(https.baseUrl);
    expect(secure.find((c) => c.startsWith("__Host-next-auth.csrf-token="))).toMatch(/; Path=\/.*; Secure/i);
    expect(secure.some((c) => /; Domain=/i.test(c))).toBe(false);
    expect(secure.find((c) => c.startsWith("__Secure-next-auth.callback-url="))).toMatch(/; Secure/i);
    const plain = await cookiesOf(inject("baseUrl"));
    expect(plain.some((c) => c.startsWith("next-auth.csrf-token="))).toBe(true);
  });
});

describe("dev outbox under a production build", () => {
  it("answers a request from this machine", async () => {
    const res = await fetch(`${inject("baseUrl")}/dev/outbox`);
    expect(res.status).toBe(200);
  });

  it("is not found for a request a proxy forwarded from elsewhere", async () => {
    const res = await fetch(`${inject("baseUrl")}/dev/outbox`, { headers: { "x-forwarded-for": "203.0.113.9, 10.0.0.1" } });
    expect(res.status).toBe(404);
  });

  it("is not found without DEV_OUTBOX=on", async () => {
    const server = await startSecondAppServer({ DEV_OUTBOX: "" });
    try {
      expect((await fetch(`${server.baseUrl}/dev/outbox`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});
