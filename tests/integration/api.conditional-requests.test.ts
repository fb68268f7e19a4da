import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectDto } from "@/lib/projects/schemas";
import { scoped } from "@/lib/db/tenant-transaction";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";

type Team = Awaited<ReturnType<typeof orgWithTeam>>;
let acme: Team;
let rival: Team;

beforeAll(async () => {
  acme = await orgWithTeam("Etag");
  rival = await orgWithTeam("EtagRival");
});

const projectUrl = (team: Team, index = 0) => `/api/v1/orgs/${team.org.slug}/projects/${team.projects[index]!.id}`;
const STRONG_TAG = /^"[A-Za-z0-9_-]{32}"$/;

async function auditCount(team: Team, action: string) {
  return scoped({ orgId: team.org.id }, (tx) => tx.auditEvent.count({ where: { orgId: team.org.id, action } }));
}

describe("ETag and If-None-Match on a project", () => {
  it("tags the project and answers 304 with no body while it is unchanged", async () => {
    const api = client(acme.team.viewer);
    const first = await api.get<ProjectDto>(projectUrl(acme, 1));
    expect(first.status).toBe(200);
    const tag = first.headers.get("etag")!;
    expect(tag).toMatch(STRONG_TAG);

    for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`, "*"]) {
      const again = await api.get(projectUrl(acme, 1), { headers: { "if-none-match": ifNoneMatch, "x-request-id": "req-304" } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.body).toBeUndefined();
      expect(again.headers.get("etag")).toBe(tag);
      expect(again.headers.get("x-request-id")).toBe("req-304");
      expect(again.headers.get("tenantkit-version")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const stale = await api.get<ProjectDto>(projectUrl(acme, 1), { headers: { "if-none-match": '"not-the-tag"' } });
    expect(stale.status).toBe(200);
    expect(stale.body.id).toBe(acme.projects[1]!.id);
  });

  it("gives a new tag once the project changes, and the PATCH answer carries it", async () => {
    const owner = client(acme.team.owner);
    const before = (await owner.get(projectUrl(acme, 1))).headers.get("etag")!;
    const patched = await owner.patch(projectUrl(acme, 1), { description: "Changed" }, { headers: { "if-match": before } });
    expect(patched.status).toBe(200);
    const after = patched.headers.get("etag");
    expect(after).toMatch(STRONG_TAG);
    expect(after).not.toBe(before);
    expect((await owner.get(projectUrl(acme, 1))).headers.get("etag")).toBe(after);
    expect((await owner.get(projectUrl(acme, 1), { headers: { "if-none-match": before } })).status).toBe(200);
  });

  it("refuses a malformed precondition with a 400, not a silent mismatch", async () => {
    for (const header of ["if-match", "if-none-match"]) {
      const res = await client(acme.team.owner).get<{ code: string }>(projectUrl(acme), { headers: { [header]: "no-quotes" } });
      expect(res.status, header).toBe(400);
      expect(res.body.code).toBe("invalid_input");
    }
  });
});

describe("If-Match on a project's PATCH and DELETE", () => {
  it("refuses a stale tag with 412 and writes nothing", async () => {
    const owner = client(acme.team.owner);
    const old = (await owner.get(projectUrl(acme, 2))).headers.get("etag")!;
    await owner.patch(projectUrl(acme, 2), { description: "Someone else's edit" });
    const auditsBefore = await auditCount(acme, "project.updated");

    const refused = await owner.patch<{ code: string; requestId: string }>(projectUrl(acme, 2), { name: "Overwrites" }, { headers: { "if-match": old, "x-request-id": "req-412" } });
    expect(refused.status).toBe(412);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body).toMatchObject({ code: "precondition_failed", requestId: "req-412" });
    expect(refused.headers.get("x-request-id")).toBe("req-412");
    expect((await owner.delete(projectUrl(acme, 2), { headers: { "if-match": old } })).status).toBe(412);

    const now = await owner.get<ProjectDto>(projectUrl(acme, 2));
    expect(now.body).toMatchObject({ name: acme.projects[2]!.name, description: "Someone else's edit" });
    expect(await auditCount(acme, "project.updated")).toBe(auditsBefore);
  });

  it("compares strongly: a weak tag never matches, `*` matches any current project", async () => {
    const owner = client(acme.team.owner);
    const tag = (await owner.get(projectUrl(acme, 0))).headers.get("etag")!;
    expect((await owner.patch(projectUrl(acme, 0), { description: "Weak" }, { headers: { "if-match": `W/${tag}` } })).status).toBe(412);
    expect((await owner.patch(projectUrl(acme, 0), { description: "Any" }, { headers: { "if-match": "*" } })).status).toBe(200);
    const current = (await owner.get(projectUrl(acme, 0))).headers.get("etag")!;
    expect((await owner.patch(projectUrl(acme, 0), { description: "Listed" }, { headers: { "if-match": `"stale", ${current}` } })).status).toBe(200);
  });

  it("deletes only the version the caller read", async () => {
    const owner = client(acme.team.owner);
    const created = await owner.post<ProjectDto>(`/api/v1/orgs/${acme.org.slug}/projects`, { name: "Short-lived" });
    const url = `/api/v1/orgs/${acme.org.slug}/projects/${created.body.id}`;
    const tag = (await owner.get(url)).headers.get("etag")!;
    expect(created.headers.get("etag")).toBeNull();
    expect((await owner.delete(url, { headers: { "if-match": tag } })).status).toBe(204);
    expect((await owner.get(url)).status).toBe(404);
    expect((await owner.delete(url, { headers: { "if-match": "*" } })).status).toBe(404);
  });

  it("lets exactly one of two concurrent writes with the same tag through: no lost update", async () => {
    const owner = client(acme.team.owner);
    const admin = client(acme.team.admin);
    for (let round = 0; round < 5; round++) {
      const tag = (await owner.get(projectUrl(acme, 1))).headers.get("etag")!;
      const [a, b] = await Promise.all([
        owner.patch<ProjectDto>(projectUrl(acme, 1), { name: `Owner ${round}` }, { headers: { "if-match": tag } }),
        admin.patch<ProjectDto>(projectUrl(acme, 1), { name: `Admin ${round}` }, { headers: { "if-match": tag } }),
      ]);
      expect([a.status, b.status].sort(), `round ${round}`).toEqual([200, 412]);
      const winner = a.status === 200 ? a : b;
      const now = await owner.get<ProjectDto>(projectUrl(acme, 1));
      expect(now.body.name).toBe(winner.body.name);
      expect(now.headers.get("etag")).toBe(winner.headers.get("etag"));
    }
  });

  it("answers 404, never 412, for another org's project whatever the precondition", async () => {
    const api = client(acme.team.owner);
    const theirs = `/api/v1/orgs/${acme.org.slug}/projects/${rival.projects[0]!.id}`;
    expect((await api.get(theirs, { headers: { "if-none-match": "*" } })).status).toBe(404);
    expect((await api.patch(theirs, { name: "Hijacked" }, { headers: { "if-match": "*" } })).status).toBe(404);
    expect((await api.delete(theirs, { headers: { "if-match": '"guess"' } })).status).toBe(404);
    const viaTheirSlug = await api.get(projectUrl(rival), { headers: { "if-none-match": "*" } });
    expect(viaTheirSlug.status).toBe(404);
    expect(viaTheirSlug.headers.get("etag")).toBeNull();
  });
});

describe("ETag and If-Match on an organization", () => {
  it("tags the org as each caller sees it, and guards renames with If-Match", async () => {
    const url = `/api/v1/orgs/${acme.org.slug}`;
    const owner = client(acme.team.owner);
    const ownerTag = (await owner.get(url)).headers.get("etag")!;
    const viewerTag = (await client(acme.team.viewer).get(url)).headers.get("etag")!;
    expect(ownerTag).toMatch(STRONG_TAG);
    // The answer includes the caller's role, so two roles see two representations.
    expect(viewerTag).not.toBe(ownerTag);
    expect((await owner.get(url, { headers: { "if-none-match": ownerTag } })).status).toBe(304);

    const renamed = await owner.patch<{ name: string }>(url, { name: "Etag Renamed" }, { headers: { "if-match": ownerTag } });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get("etag")).not.toBe(ownerTag);
    expect((await owner.get(url)).headers.get("etag")).toBe(renamed.headers.get("etag"));

    const stale = await owner.patch(url, { name: "Lost Update" }, { headers: { "if-match": ownerTag } });
    expect(stale.status).toBe(412);
    expect((await owner.get<{ name: string }>(url)).body.name).toBe("Etag Renamed");
  });
});
