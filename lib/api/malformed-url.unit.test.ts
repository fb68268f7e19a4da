import { describe, expect, it } from "vitest";
import { refuseMalformedPath } from "./malformed-url";

describe("refuseMalformedPath", () => {
  it("lets well-formed paths through, encoded ones included", () => {
    for (const p of ["/", "/api/v1/orgs/acme", "/api/v1/orgs/a%2Fb", "/api/v1/orgs/%F0%9F%98%80", "/api/v1/orgs/a%00b"]) expect(refuseMalformedPath(p, new Headers()), p).toBeNull();
  });

  it("answers 400 problem+json for API paths that cannot be decoded", async () => {
    for (const p of ["/api/v1/orgs/%zz", "/api/v1/orgs/%ED%A0%80", "/api/v1/orgs/%C0%AF", "/api/v1/orgs/%F0%9F"]) {
      const res = refuseMalformedPath(p, new Headers({ "x-request-id": "req-malformed" }));
      expect(res?.status, p).toBe(400);
      expect(res?.headers.get("x-request-id")).toBe("req-malformed");
      expect(res?.headers.get("content-type")).toBe("application/problem+json");
      expect(await res?.json()).toMatchObject({ code: "bad_request", requestId: "req-malformed" });
    }
    expect(refuseMalformedPath("/api/v1/orgs/%zz", new Headers())?.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a plain 400 for pages", () => {
    const res = refuseMalformedPath("/dashboard/%zz", new Headers());
    expect(res?.status).toBe(400);
    expect(res?.headers.get("content-type")).toContain("text/plain");
  });
});
