import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";

process.env.DATABASE_URL ??= "postgres://u@localhost/db";
process.env.NEXTAUTH_SECRET ??= "s".repeat(32);
const { stampPageSecurity } = await import("./page-headers");

function stamp(url: string, headers: Record<string, string> = {}) {
  const req = { url, headers: { ...headers } } as unknown as IncomingMessage;
  const sent: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => (sent[name] = value) } as unknown as ServerResponse;
  stampPageSecurity(req, res);
  return { request: req.headers, response: sent };
}

describe("stampPageSecurity", () => {
  it("gives a page a fresh nonce, named by the policy on the request and on the response", () => {
    const first = stamp("/dashboard/acme/projects?q=x");
    const nonce = first.request["x-nonce"] as string;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.request["content-security-policy"]).toContain(`'nonce-${nonce}'`);
    expect(first.response["content-security-policy"]).toBe(first.request["content-security-policy"]);
    expect(stamp("/dashboard/acme/projects").request["x-nonce"]).not.toBe(nonce);
  });

  it("replaces a nonce and a policy the client sent", () => {
    const { request } = stamp("/", { "x-nonce": "evil", "content-security-policy": "script-src 'nonce-evil'" });
    expect(request["x-nonce"]).not.toBe("evil");
    expect(request["content-security-policy"]).not.toContain("evil");
  });

  it("removes them where no page renders: API routes, build assets and paths that cannot be decoded", () => {
    for (const url of ["/api/v1/orgs/acme/projects", "/_next/static/chunks/app.js", "/dashboard/%zz"]) {
      const { request, response } = stamp(url, { "x-nonce": "evil", "content-security-policy": "script-src 'nonce-evil'" });
      expect(request["x-nonce"], url).toBeUndefined();
      expect(request["content-security-policy"], url).toBeUndefined();
      expect(response, url).toEqual({});
    }
  });

  it("sends no HSTS where the app is not served over HTTPS", () => {
    expect(stamp("/").response["strict-transport-security"]).toBeUndefined();
  });
});
