import { beforeAll, describe, expect, it } from "vitest";
import { generateApiKey } from "@/lib/api-keys/format";
import type { CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import type { ProjectDto } from "@/lib/projects/schemas";
import { db } from "@/lib/db/client";
import { orgWithTeam } from "../support/factories";
import { setPlan } from "../support/billing";
import { client } from "../support/http";
import { auditEvents, createKey, keyClient, keyRow, projectCount, rawRequest, setKey } from "./api-keys.support";

type Problem = { status: number; code: string; detail: string; [extension: string]: unknown };

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
let readOnly: CreatedApiKeyDto;
let readWrite: CreatedApiKeyDto;
const base = () => `/api/v1/orgs/${fixture.org.slug}`;

beforeAll(async () => {
  fixture = await orgWithTeam("Keyed");
  await setPlan(fixture.org.id, "pro");
  readOnly = await createKey(fixture.team.admin, fixture.org.slug, { name: "Reporting", role: "read_only" });
  readWrite = await createKey(fixture.team.owner, fixture.org.slug, { name: "Deploy bot", role: "read_write" });
});

describe("a read-only key", () => {
  it("reads what a viewer reads", async () => {
    const api = keyClient(readOnly.key);
    for (const path of ["", "/projects", `/projects/${fixture.projects[0]!.id}`, "/members", "/usage"]) {
      expect((await api.get(`${base()}${path}`)).status, path).toBe(200);
    }
  });

  it("is refused every write and every admin read with 403, and nothing changes", async () => {
    const api = keyClient(readOnly.key);
    const before = await projectCount(fixture.org.id);
    const target = fixture.projects[0]!;
    const refusals = [
      await api.post(`${base()}/projects`, { name: "Nope" }),
      await api.patch(`${base()}/projects/${target.id}`, { name: "Nope" }),
      await api.delete(`${base()}/projects/${target.id}`),
      await api.get(`${base()}/audit`),
      await api.get(`${base()}/api-keys`),
      await api.post(`${base()}/api-keys`, { name: "Escalate", role: "read_write" }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await projectCount(fixture.org.id)).toBe(before);
    expect((await client(fixture.team.owner).get<ProjectDto>(`${base()}/projects/${target.id}`)).body.name).toBe(target.name);
  });
});

describe("a read-write key", () => {
  it("writes projects like a member, and the audit log names the key as the actor", async () => {
    const api = keyClient(readWrite.key);
    const created = await api.post<ProjectDto>(`${base()}/projects`, { name: "From CI" });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBeNull();
    expect((await api.patch(`${base()}/projects/${created.body.id}`, { status: "paused" })).status).toBe(200);
    expect((await api.delete(`${base()}/projects/${created.body.id}`)).status).toBe(204);

    const [event] = await auditEvents(fixture.org.id, "project.created");
    const label = `Deploy bot (${readWrite.prefix}…${readWrite.last4})`;
    expect(event).toMatchObject({ actorType: "api_key", actorId: readWrite.id, actorLabel: label, targetId: created.body.id });
    const deleted = await auditEvents(fixture.org.id, "project.deleted");
    expect(deleted.map((e) => [e.actorType, e.actorLabel])).toEqual([["api_key", label]]);
  });

  it("cannot manage members, keys, billing or the org", async () => {
    const api = keyClient(readWrite.key);
    const refusals = [
      await api.post(`${base()}/invitations`, { emails: ["x@example.com"], role: "viewer" }),
      await api.patch(`${base()}/members/${fixture.team.viewer.id}`, { role: "admin" }),
      await api.delete(`${base()}/members/${fixture.team.viewer.id}`),
      await api.patch(base(), { name: "Taken over" }),
      await api.delete(base()),
      await api.get(`${base()}/api-keys`),
      await api.delete(`${base()}/api-keys/${readOnly.id}`),
      await api.get(`${base()}/billing`),
      await api.post(`${base()}/transfer-ownership`, { userId: fixture.team.member.id }),
    ];
    expect(refusals.map((r) => r.status)).toEqual(refusals.map(() => 403));
    expect((await keyRow(fixture.org.id, readOnly.id)).revokedAt).toBeNull();
    expect((await db.organization.findUniqueOrThrow({ where: { id: fixture.org.id } })).name).toBe(fixture.org.name);
  });

  it("is not subject to the same-origin check, while a cookie is", async () => {
    const crossSite = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    const withKey = await keyClient(readWrite.key).post<ProjectDto>(`${base()}/projects`, { name: "From a script" }, crossSite);
    expect(withKey.status).toBe(201);
    const withCookie = await client(fixture.team.member).post(`${base()}/projects`, { name: "Forged" }, { headers: crossSite });
    expect(withCookie.status).toBe(403);
  });
});

describe("keys that do not authenticate", () => {
  it("get one 401 problem+json for malformed, unknown, wrong-secret, expired and revoked keys, and write nothing", async () => {
    const expired = await createKey(fixture.team.owner, fixture.org.slug, { name: "Expired", role: "read_write" });
    await setKey(fixture.org.id, expired.id, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createKey(fixture.team.owner, fixture.org.slug, { name: "Revoked", role: "read_write" });
    expect((await client(fixture.team.owner).delete(`${base()}/api-keys/${revoked.id}`)).status).toBe(204);
    const wrongSecret = `${readWrite.prefix}_${generateApiKey("test").key.slice(-43)}`;
    const otherEnvironment = readWrite.key.replace("tk_test_", "tk_live_");

    const tokens = ["", "tk_", "tk_test_abc_def", `${readWrite.key}x`, "not a key", generateApiKey("test").key, wrongSecret, otherEnvironment, expired.key, revoked.key];
    const before = await projectCount(fixture.org.id);
    const details = new Set<string>();
    for (const token of tokens) {
      for (const method of ["GET", "POST"]) {
        const res = await rawRequest(method, `${base()}/projects`, { authorization: `Bearer ${token}` }, method === "POST" ? { name: "Sneaky" } : undefined);
        expect(res.status, `${method} ${token}`).toBe(401);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(res.headers.get("www-authenticate")).toContain("Bearer");
        expect(res.body.code).toBe("unauthenticated");
        details.add(String(res.body.detail));
      }
    }
    expect([...details]).toEqual(["The API key is malformed, unknown, expired or revoked."]);
    expect(await projectCount(fixture.org.id)).toBe(before);
    expect((await keyRow(fixture.org.id, expired.id)).lastUsedAt).toBeNull();
    expect((await keyRow(fixture.org.id, revoked.id)).lastUsedAt).toBeNull();
  });

  it("gets the same 404 as an unknown org when it belongs to another org", async () => {
    const other = await orgWithTeam("Elsewhere");
    await setPlan(other.org.id, "pro");
    const otherKey = await createKey(other.team.owner, other.org.slug, { name: "Theirs", role: "read_write" });
    const before = await projectCount(fixture.org.id);

    const foreign = await keyClient(otherKey.key).get<Problem>(`${base()}/projects`);
    const foreignWrite = await keyClient(otherKey.key).post<Problem>(`${base()}/projects`, { name: "Planted" });
    const unknownOrg = await keyClient(otherKey.key).get<Problem>(`/api/v1/orgs/no-such-org-here/projects`);
    for (const res of [foreign, foreignWrite, unknownOrg]) {
      expect(res.status).toBe(404);
      expect({ code: res.body.code, detail: res.body.detail }).toEqual({ code: unknownOrg.body.code, detail: unknownOrg.body.detail });
    }
    expect(await projectCount(fixture.org.id)).toBe(before);
    expect((await keyRow(other.org.id, otherKey.id)).lastUsedAt).toBeNull();
  });
});

describe("API access on the plan", () => {
  it("refuses a key of an org whose plan lacks it with 403 feature_unavailable naming the upgrade", async () => {
    const { org, team } = await orgWithTeam("Downgraded keys");
    await setPlan(org.id, "pro");
    const key = await createKey(team.owner, org.slug, { name: "Kept", role: "read_only" });
    await setPlan(org.id, "free");

    const res = await keyClient(key.key).get<Problem>(`/api/v1/orgs/${org.slug}/projects`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "feature_unavailable", feature: "apiAccess", plan: "free", requiredPlan: "pro", upgradeUrl: `/dashboard/${org.slug}/billing` });
    expect((await keyRow(org.id, key.id)).lastUsedAt).toBeNull();

    const create = await client(team.owner).post<Problem>(`/api/v1/orgs/${org.slug}/api-keys`, { name: "New", role: "read_only" });
    expect([create.status, create.body.code]).toEqual([403, "feature_unavailable"]);
    // The admins can still see and revoke what the org has.
    expect((await client(team.owner).get<{ data: unknown[] }>(`/api/v1/orgs/${org.slug}/api-keys`)).body.data).toHaveLength(1);
    expect((await client(team.owner).delete(`/api/v1/orgs/${org.slug}/api-keys/${key.id}`)).status).toBe(204);
  });
});

describe("cookie-only routes", () => {
  it("refuse a key with 401, with or without a session cookie alongside", async () => {
    const me = await rawRequest("GET", "/api/v1/me", { authorization: `Bearer ${readWrite.key}` });
    expect([me.status, me.body.code]).toEqual([401, "unauthenticated"]);
    expect(String(me.body.detail)).toContain("API keys cannot be used on this route");
    const both = await client(fixture.team.owner).get<Problem>("/api/v1/me", { headers: { authorization: `Bearer ${readWrite.key}` } });
    expect(both.status).toBe(401);
    const orgs = await rawRequest("POST", "/api/v1/orgs", { authorization: `Bearer ${readWrite.key}` }, { name: "Via key" });
    expect(orgs.status).toBe(401);
    const signOut = await rawRequest("POST", "/api/auth/signout", { authorization: `Bearer ${readWrite.key}` });
    expect([signOut.status, signOut.body.code]).toEqual([401, "unauthenticated"]);
    // Another scheme (a Basic-auth proxy in front of the app) is not a key, and is not refused as one.
    expect((await client(fixture.team.owner).get("/api/v1/me", { headers: { authorization: "Basic dXNlcjpwYXNz" } })).status).toBe(200);
  });
});

describe("last used", () => {
  it("is recorded on first use and at most once a minute after that", async () => {
    const key = await createKey(fixture.team.owner, fixture.org.slug, { name: "Ticking", role: "read_only" });
    expect((await keyRow(fixture.org.id, key.id)).lastUsedAt).toBeNull();
    const api = keyClient(key.key);
    expect((await api.get(`${base()}/projects`)).status).toBe(200);
    const first = (await keyRow(fixture.org.id, key.id)).lastUsedAt;
    expect(first).toBeInstanceOf(Date);

    expect((await api.get(`${base()}/projects`)).status).toBe(200);
    expect((await keyRow(fixture.org.id, key.id)).lastUsedAt).toEqual(first);

    const longAgo = new Date(Date.now() - 61_000);
    await setKey(fixture.org.id, key.id, { lastUsedAt: longAgo });
    expect((await api.get(`${base()}/projects`)).status).toBe(200);
    expect((await keyRow(fixture.org.id, key.id)).lastUsedAt!.getTime()).toBeGreaterThan(longAgo.getTime());
  });
});

describe("an org that is read-only for an overdue payment", () => {
  it("lets a read-write key read but not write (402), and keeps revoking open", async () => {
    const { org, team } = await orgWithTeam("Overdue keys");
    await setPlan(org.id, "pro");
    const key = await createKey(team.owner, org.slug, { name: "Overdue", role: "read_write" });
    await db.organization.update({ where: { id: org.id }, data: { billingGraceEndsAt: new Date(Date.now() - 1000) } });

    expect((await keyClient(key.key).get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(200);
    const write = await keyClient(key.key).post<Problem>(`/api/v1/orgs/${org.slug}/projects`, { name: "Paused" });
    expect([write.status, write.body.code]).toEqual([402, "billing_read_only"]);
    const create = await client(team.owner).post<Problem>(`/api/v1/orgs/${org.slug}/api-keys`, { name: "More", role: "read_only" });
    expect([create.status, create.body.code]).toEqual([402, "billing_read_only"]);
    expect((await client(team.owner).delete(`/api/v1/orgs/${org.slug}/api-keys/${key.id}`)).status).toBe(204);
  });
});
