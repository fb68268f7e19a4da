import { beforeAll, describe, expect, inject, it } from "vitest";
import { orgWithTeam } from "../support/factories";
import { setPlan } from "../support/billing";
import { openApiClient } from "../support/openapi-client";
import { createKey } from "./api-keys.support";

/**
 * A customer's integration, from outside the app: an API key and the served OpenAPI
 * document, nothing else. Requests are built from the document alone, and every answer
 * is checked against the schema the document gives for its status.
 */

type Project = { id: string; name: string; description: string; status: string };
type Page = { data: Project[]; nextCursor: string | null };

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
let api: Awaited<ReturnType<typeof openApiClient>>;

beforeAll(async () => {
  fixture = await orgWithTeam("Integrator");
  await setPlan(fixture.org.id, "pro");
  const key = await createKey(fixture.team.admin, fixture.org.slug, { name: "Integration", role: "read_write" });
  api = await openApiClient(`${inject("baseUrl")}/api/v1/openapi.json`, key.key);
});

describe("a client built from the OpenAPI document", () => {
  it("creates, pages through, reads, updates and deletes projects", async () => {
    const org = { org: fixture.org.slug };
    const created: Project[] = [];
    for (const name of ["Alpha", "Bravo", "Charlie"]) {
      const res = await api.call("createProject", { path: org, body: { name, description: `${name} from the client` } });
      expect(res.status).toBe(201);
      created.push(res.body as Project);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api.call("listProjects", { path: org, query: { limit: 2, ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      const page = res.body as Page;
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((p) => p.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((p) => p.id)));

    const target = { ...org, id: created[0]!.id };
    expect(((await api.call("getProject", { path: target })).body as Project).name).toBe("Alpha");
    const updated = await api.call("updateProject", { path: target, body: { status: "paused" } });
    expect((updated.body as Project).status).toBe("paused");
    expect((await api.call("deleteProject", { path: target })).status).toBe(204);

    const gone = await api.call("getProject", { path: target });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: "not_found", type: `${inject("baseUrl")}/docs/api#problem-not-found` });
  });

  it("reads the organization and its members", async () => {
    const org = await api.call("getOrganization", { path: { org: fixture.org.slug } });
    expect(org.body).toMatchObject({ slug: fixture.org.slug, role: "member" });
    const members = await api.call("listMembers", { path: { org: fixture.org.slug } });
    expect((members.body as { data: { email: string }[] }).data.map((m) => m.email)).toContain(fixture.team.owner.email);
    expect((await api.call("getPlanUsage", { path: { org: fixture.org.slug } })).status).toBe(200);
  });

  it("gets the refusals the document promises, in the problem shape it documents", async () => {
    const refused = await api.call("listApiKeys", { path: { org: fixture.org.slug } });
    expect(refused.status).toBe(403);
    const invalid = await api.call("createProject", { path: { org: fixture.org.slug }, body: { name: "" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: "invalid_input", errors: [{ path: "name" }] });
  });

  it("retries a create with the Idempotency-Key the document offers, and gets the first answer back", async () => {
    const org = { org: fixture.org.slug };
    const headers = { "Idempotency-Key": `client-${Date.now()}` };
    const first = await api.call("createProject", { path: org, headers, body: { name: "Once" } });
    const again = await api.call("createProject", { path: org, headers, body: { name: "Once" } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect((again.body as Project).id).toBe((first.body as Project).id);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const reused = await api.call("createProject", { path: org, headers, body: { name: "Twice" } });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: "idempotency_key_reused" });
  });

  it("reads with If-None-Match and writes with If-Match using the ETag the document lists", async () => {
    const org = { org: fixture.org.slug };
    const project = (await api.call("createProject", { path: org, body: { name: "Tagged" } })).body as Project;
    const target = { ...org, id: project.id };
    const read = await api.call("getProject", { path: target });
    const etag = read.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    expect((await api.call("getProject", { path: target, headers: { "If-None-Match": etag } })).status).toBe(304);

    const updated = await api.call("updateProject", { path: target, headers: { "If-Match": etag }, body: { name: "Tagged again" } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).not.toBe(etag);
    const stale = await api.call("updateProject", { path: target, headers: { "If-Match": etag }, body: { name: "Lost update" } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: "precondition_failed" });
    expect(((await api.call("getProject", { path: target })).body as Project).name).toBe("Tagged again");
  });

  it("pins a dated version with the header the document lists, and is answered in it", async () => {
    const version = api.document.info["x-api-versions"]![0]!;
    expect(version).not.toBe(api.document.info.version);
    const res = await api.call("listMembers", { path: { org: fixture.org.slug }, headers: { "Tenantkit-Version": version } });
    expect(res.status).toBe(200);
    expect(res.headers.get("tenantkit-version")).toBe(version);
  });

  it("finds the rate-limit and request-id headers the document lists on answers", async () => {
    const res = await api.call("listMembers", { path: { org: fixture.org.slug } });
    for (const header of ["X-Request-Id", "Tenantkit-Version", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]) {
      expect(Object.keys(api.document.paths["/api/v1/orgs/{org}/members"]!.get!.responses["200"]!.headers ?? {})).toContain(header);
      expect(res.headers.get(header), header).not.toBeNull();
    }
  });
});
