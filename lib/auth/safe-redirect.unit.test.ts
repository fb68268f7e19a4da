import { describe, expect, it } from "vitest";
import { nextAuthRedirect, safeCallbackUrl, safeRedirect } from "./safe-redirect";

const origin = "https://app.example.com";
const fallback = "/dashboard";

// Open-redirect payloads as published in the usual lists (PayloadsAllTheThings, OWASP's
// unvalidated-redirects cheat sheet, Burp's open-redirect checks), aimed at evil.com.
const payloads = [
  "//evil.com",
  "///evil.com",
  "////evil.com",
  "//evil.com/%2F..",
  "/\\evil.com",
  "\\\\evil.com",
  "\\/evil.com",
  "/\\/evil.com",
  "/%2F%2Fevil.com",
  "%2F%2Fevil.com",
  "/%2f%2fevil.com",
  "/%5Cevil.com",
  "/%5cevil.com",
  "%5C%5Cevil.com",
  "/%252F%252Fevil.com",
  "/%25252F%25252Fevil.com",
  "/%255Cevil.com",
  "/%09/evil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n//evil.com",
  "/%0D%0A//evil.com",
  "\u0000//evil.com",
  "/%00//evil.com",
  " //evil.com",
  "/.//evil.com",
  "/a/..//evil.com",
  "/%2e%2e//evil.com",
  "https://evil.com",
  "http://evil.com/dashboard",
  "HTTPS://EVIL.COM",
  "https:evil.com/\\",
  "http:/\\evil.com",
  "https://app.example.com@evil.com",
  "https://app.example.com:443@evil.com/",
  "https://user:pass@app.example.com/dashboard",
  "https://evil.com#@app.example.com",
  "https://evil.com?@app.example.com",
  "https://app.example.com.evil.com",
  "https://evil.com\\@app.example.com",
  "http://app.example.com/dashboard",
  "https://app.example.com:8443/dashboard",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(document.cookie)",
  "javascript://%0Aalert(1)",
  "java%0d%0ascript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "evil.com",
  "@evil.com",
  "%40evil.com",
  "〱evil.com",
  "/%2F%2F%65%76%69%6c.com",
  "",
  "/" + "a".repeat(3000),
];

// Paths the app itself produces, which must come back unchanged (query and hash kept).
const legitimate = [
  "/dashboard",
  "/dashboard/acme/projects",
  "/dashboard/acme/projects?status=active&q=hello%20world#new",
  "/invite/abc_DEF-123",
  "/account#password",
  "/dashboard/acme/members?cursor=eyJpZCI6IjEifQ%3D%3D",
  "/search?q=a%2Fb",
];

describe("safeRedirect", () => {
  it.each(payloads)("refuses %j", (payload) => {
    expect(safeRedirect(payload, origin, fallback)).toBe(fallback);
  });

  it("covers the published lists", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30);
  });

  it.each(legitimate)("keeps %j", (path) => {
    expect(safeRedirect(path, origin, fallback)).toBe(path);
  });

  it("accepts absolute URLs on this origin and returns their path", () => {
    expect(safeRedirect("https://app.example.com/dashboard/acme?x=1#y", origin)).toBe("/dashboard/acme?x=1#y");
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, ["/dashboard"], { href: "/dashboard" }]) expect(safeRedirect(value, origin, "/x")).toBe("/x");
  });

  it("falls back when the origin itself is unusable", () => {
    expect(safeRedirect("/dashboard", "not a url", "/x")).toBe("/x");
  });
});

describe("safeCallbackUrl", () => {
  it("never leads back to sign-in or sign-up", () => {
    expect(safeCallbackUrl("/sign-in?callbackUrl=%2Fdashboard", origin)).toBe(fallback);
    expect(safeCallbackUrl("/sign-up/", origin)).toBe(fallback);
    expect(safeCallbackUrl("https://app.example.com/sign-in", origin)).toBe(fallback);
    expect(safeCallbackUrl("/sign-input", origin)).toBe("/sign-input");
  });
});

describe("nextAuthRedirect", () => {
  it("answers an absolute URL on the base, whatever it was given", () => {
    expect(nextAuthRedirect("/dashboard/acme", origin)).toBe("https://app.example.com/dashboard/acme");
    expect(nextAuthRedirect("https://app.example.com/sign-in", origin)).toBe("https://app.example.com/sign-in");
    expect(nextAuthRedirect("https://evil.com/", origin)).toBe("https://app.example.com/dashboard");
    expect(nextAuthRedirect("//evil.com", origin)).toBe("https://app.example.com/dashboard");
  });
});
