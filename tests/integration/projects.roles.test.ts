import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectDto, ProjectPage } from "@/lib/projects/schemas";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
const base = () => `/api/v1/orgs/${fixture.org.slug}/projects`;

beforeAll(async () => {
  fixture = await orgWithTeam("Roles");
});

describe.each(["owner", "admin", "member"] as const)("a %s", (role) => {
  it("lists, creates, reads, updates and deletes projects", async () => {
    const api = client(fixture.team[role]);
    const list = await api.get<ProjectPage>(base());
    expect(list.status).toBe(200);
    expect(list.body.data.map((p) => p.name)).toEqual(expect.arrayContaining(["Roles Alpha", "Roles Beta", "Roles Gamma"]));

    const created = await api.post<ProjectDto>(base(), { name: `Made by ${role}`, description: "d" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: `Made by ${role}`, description: "d", status: "active", createdBy: { id: fixture.team[role].id } });

    const read = await api.get<ProjectDto>(`${base()}/${created.body.id}`);
    expect(read.body.name).toBe(`Made by ${role}`);

    const updated = await api.patch<ProjectDto>(`${base()}/${created.body.id}`, { status: "paused", name: "Renamed" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: "paused", name: "Renamed" });

    expect((await api.delete(`${base()}/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`${base()}/${created.body.id}`)).status).toBe(404);
  });
});

describe("a viewer", () => {
  it("reads projects", async () => {
    const api = client(fixture.team.viewer);
    expect((await api.get(base())).status).toBe(200);
    expect((await api.get(`${base()}/${fixture.projects[0]!.id}`)).status).toBe(200);
  });

  it("cannot create, update or delete, and nothing changes", async () => {
    const api = client(fixture.team.viewer);
    const target = fixture.projects[0]!;
    const create = await api.post(base(), { name: "Nope" });
    expect(create.status).toBe(403);
    expect(create.headers.get("content-type")).toContain("application/problem+json");
    expect((await api.patch(`${base()}/${target.id}`, { name: "Nope" })).status).toBe(403);
    expect((await api.delete(`${base()}/${target.id}`)).status).toBe(403);
    const after = await client(fixture.team.owner).get<ProjectDto>(`${base()}/${target.id}`);
    expect(after.body.name).toBe(target.name);
    const names = (await api.get<ProjectPage>(base())).body.data.map((p) => p.name);
    expect(names).not.toContain("Nope");
  });
});

describe("anonymous callers", () => {
  it("get 401 problem+json", async () => {
    const res = await client().get<{ code: string }>(base());
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("unauthenticated");
  });
});

describe("listing", () => {
  it("paginates with a cursor, searches and filters", async () => {
    const { org, team } = await orgWithTeam("Paging");
    const api = client(team.member);
    const url = `/api/v1/orgs/${org.slug}/projects`;
    for (let i = 0; i < 5; i++) await api.post(url, { name: `Batch ${i}`, status: i % 2 ? "archived" : "active" });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: ProjectPage } = await api.get<ProjectPage>(`${url}?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((p) => p.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen.slice(0, 5)).toEqual(["Batch 4", "Batch 3", "Batch 2", "Batch 1", "Batch 0"]);

    const search = await api.get<ProjectPage>(`${url}?q=batch`);
    expect(search.body.data).toHaveLength(5);
    const archived = await api.get<ProjectPage>(`${url}?q=batch&status=archived`);
    expect(archived.body.data.map((p) => p.name).sort()).toEqual(["Batch 1", "Batch 3"]);
  });
});
