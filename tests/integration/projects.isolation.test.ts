import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectPage } from "@/lib/projects/schemas";
import { scoped } from "@/lib/db/tenant-transaction";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";

let a: Awaited<ReturnType<typeof orgWithTeam>>;
let b: Awaited<ReturnType<typeof orgWithTeam>>;

beforeAll(async () => {
  a = await orgWithTeam("Apple");
  b = await orgWithTeam("Banana");
});

const bProjects = () => b.projects.map((p) => p.id);

describe("a member of org A", () => {
  it("gets 404 for every projects route of org B, by slug", async () => {
    const api = client(a.team.owner);
    const url = `/api/v1/orgs/${b.org.slug}/projects`;
    const target = b.projects[0]!.id;
    const attempts = await Promise.all([
      api.get(url),
      api.post(url, { name: "Planted" }),
      api.get(`${url}/${target}`),
      api.patch(`${url}/${target}`, { name: "Hijacked" }),
      api.delete(`${url}/${target}`),
      api.get(`/api/v1/orgs/${b.org.slug}`),
      api.patch(`/api/v1/orgs/${b.org.slug}`, { name: "Hijacked" }),
      api.delete(`/api/v1/orgs/${b.org.slug}`),
      api.get(`/api/v1/orgs/${b.org.slug}/members`),
      api.delete(`/api/v1/orgs/${b.org.slug}/members/${b.team.viewer.id}`),
      api.patch(`/api/v1/orgs/${b.org.slug}/members/${b.team.viewer.id}`, { role: "owner" }),
    ]);
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Banana");
    }
  });

  it("cannot reach org B's projects through org A's URL", async () => {
    const api = client(a.team.owner);
    const url = `/api/v1/orgs/${a.org.slug}/projects`;
    for (const id of bProjects()) {
      expect((await api.get(`${url}/${id}`)).status).toBe(404);
      expect((await api.patch(`${url}/${id}`, { name: "Hijacked" })).status).toBe(404);
      expect((await api.delete(`${url}/${id}`)).status).toBe(404);
    }
    const list = await api.get<ProjectPage>(url);
    expect(list.body.data.map((p) => p.id)).not.toEqual(expect.arrayContaining([bProjects()[0]]));
  });

  it("changed nothing in org B", async () => {
    const list = await client(b.team.viewer).get<ProjectPage>(`/api/v1/orgs/${b.org.slug}/projects`);
    expect(list.body.data.map((p) => p.name).sort()).toEqual(["Banana Alpha", "Banana Beta", "Banana Gamma"]);
    const org = await client(b.team.viewer).get<{ name: string }>(`/api/v1/orgs/${b.org.slug}`);
    expect(org.body.name).toBe(b.org.name);
    const members = await client(b.team.viewer).get<{ data: unknown[] }>(`/api/v1/orgs/${b.org.slug}/members`);
    expect(members.body.data).toHaveLength(4);
  });
});

describe("row-level security", () => {
  it("confines a raw query with no org filter to the transaction's org", async () => {
    const rows = await scoped({ orgId: a.org.id }, (tx) => tx.$queryRaw<{ orgId: string }[]>`select "orgId" from projects`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([a.org.id]));
  });

  it("refuses to write a row into another org (42501)", async () => {
    await expect(
      scoped({ orgId: a.org.id }, (tx) => tx.$executeRaw`insert into projects (id, "orgId", name, "updatedAt") values ('rlsprobe00000000000000', ${b.org.id}, 'x', now())`),
    ).rejects.toThrow(/row-level security/);
  });

  it("shows nothing outside an org transaction", async () => {
    const rows = await scoped({}, (tx) => tx.$queryRaw<unknown[]>`select id from projects`);
    expect(rows).toHaveLength(0);
  });
});
