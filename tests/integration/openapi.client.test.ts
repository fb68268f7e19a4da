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

  it("finds the rate-limit and request-id headers the document lists on answers", async () => {
    const res = await api.call("listMembers", { path: { org: fixture.org.slug } });
    for (const header of ["X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]) {
      expect(Object.keys(api.document.paths["/api/v1/orgs/{org}/members"]!.get!.responses["200"]!.headers ?? {})).toContain(header);
      expect(res.headers.get(header), header).not.toBeNull();
    }
  });
});
