import { NextRequest } from "next/server";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { withPublic } from "@/lib/api/with-user";
import { API_VERSIONS, CURRENT_VERSION } from "@/lib/api/versions";
import { createSession, orgWithTeam } from "../support/factories";
import { client, sessionCookie } from "../support/http";

type Team = Awaited<ReturnType<typeof orgWithTeam>>;
type Problem = { code: string; detail: string; requestId?: string; supportedVersions?: string };
let acme: Team;

beforeAll(async () => {
  acme = await orgWithTeam("Versions");
});

const FIRST = API_VERSIONS[0].date;

describe("Tenantkit-Version", () => {
  it("serves the current version when the request names none, and says so", async () => {
    const res = await client(acme.team.viewer).get(`/api/v1/orgs/${acme.org.slug}/projects`);
    expect(res.status).toBe(200);
    expect(res.headers.get("tenantkit-version")).toBe(CURRENT_VERSION);
  });

  it("echoes a version the request names, on answers and errors alike", async () => {
    const api = client(acme.team.viewer);
    const ok = await api.get(`/api/v1/orgs/${acme.org.slug}`, { headers: { "tenantkit-version": FIRST } });
    expect(ok.headers.get("tenantkit-version")).toBe(FIRST);
    const refused = await api.patch(`/api/v1/orgs/${acme.org.slug}`, { name: "Viewer edit" }, { headers: { "tenantkit-version": FIRST } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("tenantkit-version")).toBe(FIRST);
    const anonymous = await client().get("/api/v1/orgs", { headers: { "tenantkit-version": FIRST } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("tenantkit-version")).toBe(FIRST);
  });

  it("refuses an unknown or malformed version with a 400 that lists the supported ones", async () => {
    for (const value of ["2020-01-01", "latest", "2026-11-30; drop", ""]) {
      const res = await client(acme.team.viewer).get<Problem>(`/api/v1/orgs/${acme.org.slug}/projects`, { headers: { "tenantkit-version": value } });
      expect(res.status, value).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe("bad_request");
      for (const v of API_VERSIONS) expect(res.body.supportedVersions).toContain(v.date);
      expect(res.headers.get("tenantkit-version")).toBeNull();
    }
  });

  it("keeps the first version's shape for the lists whose envelope changed", async () => {
    const user = acme.team.member;
    const api = client(user, { sessionId: await createSession(user) });
    const current = await api.get<{ data: { id: string }[]; nextCursor: string | null }>("/api/v1/me/sessions");
    expect(current.body).toEqual({ data: expect.any(Array), nextCursor: null });
    const first = await api.get<{ sessions: { id: string }[] }>("/api/v1/me/sessions", { headers: { "tenantkit-version": FIRST } });
    expect(Object.keys(first.body)).toEqual(["sessions"]);
    expect(first.body.sessions.map((s) => s.id)).toEqual(current.body.data.map((s) => s.id));
    const events = await api.get<{ events: unknown[] }>("/api/v1/me/security-events", { headers: { "tenantkit-version": FIRST } });
    expect(Object.keys(events.body)).toEqual(["events"]);
  });
});

describe("a deprecated route", () => {
  // A route declared here and called in this process, through one of the app's wrappers (the
  // option is the same on all three): no route of the app is deprecated yet.
  const GET = withPublic(
    { limit: "api:ip", deprecated: { since: "2026-12-02T00:00:00Z", sunset: "2027-06-30T00:00:00Z" } },
    async ({ version }) => ({ legacy: true, version }),
  );

  async function call(headers: Record<string, string> = {}) {
    const req = new NextRequest(`${inject("baseUrl")}/api/v1/legacy`, { headers });
    return GET(req, { params: Promise.resolve(undefined) });
  }

  it("answers with Deprecation, Sunset and Link headers, and hands the handler the requested version", async () => {
    const res = await call({ "tenantkit-version": FIRST });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ legacy: true, version: FIRST });
    expect(res.headers.get("deprecation")).toBe(`@${Date.parse("2026-12-02T00:00:00Z") / 1000}`);
    expect(res.headers.get("sunset")).toBe("Wed, 30 Jun 2027 00:00:00 GMT");
    expect(res.headers.get("link")).toBe('</docs/api/changelog>; rel="deprecation"; type="text/html", </docs/api/changelog>; rel="sunset"; type="text/html"');
  });

  it("says so on its errors too", async () => {
    const res = await call({ "tenantkit-version": "1999-01-01" });
    expect(res.status).toBe(400);
    expect(res.headers.get("deprecation")).toMatch(/^@\d+$/);
  });

  it("is the only kind of answer with those headers", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/v1/orgs/${acme.org.slug}`, { headers: { cookie: await sessionCookie(acme.team.viewer) } });
    expect(res.status).toBe(200);
    for (const header of ["deprecation", "sunset", "link"]) expect(res.headers.get(header)).toBeNull();
  });
});

describe("the request id", () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const base = () => inject("baseUrl");

  it("is echoed on every kind of /api answer, and made up when the caller sends none", async () => {
    const cookie = await sessionCookie(acme.team.viewer);
    const ownerCookie = await sessionCookie(acme.team.owner);
    const project = `/api/v1/orgs/${acme.org.slug}/projects/${acme.projects[0]!.id}`;
    const etag = (await fetch(`${base()}${project}`, { headers: { cookie } })).headers.get("etag")!;
    const cases: [string, string, RequestInit, number][] = [
      ["ok", project, { headers: { cookie } }, 200],
      ["304", project, { headers: { cookie, "if-none-match": etag } }, 304],
      ["412", project, { method: "PATCH", body: '{"description":"x"}', headers: { cookie: ownerCookie, "if-match": '"stale"', "content-type": "application/json" } }, 412],
      ["bad version", project, { headers: { cookie, "tenantkit-version": "nope" } }, 400],
      ["unauthenticated", "/api/v1/orgs", {}, 401],
      ["unknown v1 route", "/api/v1/nothing/here", {}, 404],
      ["unknown api route", "/api/nothing", { method: "POST" }, 404],
      ["malformed path", "/api/v1/orgs/%zz", {}, 400],
      ["health", "/api/health?live", {}, 200],
      ["next-auth", "/api/auth/csrf", {}, 200],
      ["webhook", "/api/webhooks/stripe", { method: "POST", body: "{}" }, 400],
    ];
    // Next answers a method no route exports itself: only an id the caller sent comes back (next.config.js).
    const wrongMethod = await fetch(`${base()}/api/v1/orgs`, { method: "PUT", headers: { "x-request-id": "req-405" } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("x-request-id")).toBe("req-405");
    for (const [label, path, init, status] of cases) {
      const sent = await fetch(`${base()}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), "x-request-id": `req-${label}` } });
      expect(sent.status, label).toBe(status);
      expect(sent.headers.get("x-request-id"), label).toBe(`req-${label}`);
      const made = await fetch(`${base()}${path}`, init);
      expect(made.headers.get("x-request-id"), label).toMatch(UUID);
    }
  });

  it("answers an unknown API path with problem+json, not the HTML page", async () => {
    const res = await fetch(`${base()}/api/v1/orgs/${acme.org.slug}/nothing`, { headers: { "tenantkit-version": FIRST } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("tenantkit-version")).toBe(FIRST);
    expect(((await res.json()) as Problem).code).toBe("not_found");
  });
});
