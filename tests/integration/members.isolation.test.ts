import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import type { AuditPage } from "@/lib/audit/schemas";
import type { MemberDto } from "@/lib/members/service";
import { orgWithTeam, type TestUser } from "../support/factories";
import { client } from "../support/http";

let a: Awaited<ReturnType<typeof orgWithTeam>>;
let b: Awaited<ReturnType<typeof orgWithTeam>>;

beforeAll(async () => {
  a = await orgWithTeam("Almond");
  b = await orgWithTeam("Brazil");
});

async function roster(slug: string, as: TestUser): Promise<Record<string, Role>> {
  const res = await client(as).get<{ data: MemberDto[] }>(`/api/v1/orgs/${slug}/members`);
  return Object.fromEntries(res.body.data.map((m) => [m.userId, m.role]));
}

describe("an owner of org A", () => {
  it("gets 404 for every member, ownership and audit route of org B, by slug", async () => {
    const api = client(a.team.owner);
    const base = `/api/v1/orgs/${b.org.slug}`;
    const before = await roster(b.org.slug, b.team.owner);
    const attempts = [
      await api.get(`${base}/members`),
      await api.patch(`${base}/members/${b.team.member.id}`, { role: "viewer" }),
      await api.delete(`${base}/members/${b.team.member.id}`),
      await api.post(`${base}/transfer-ownership`, { userId: a.team.owner.id }),
      await api.get(`${base}/audit`),
      await api.get(`${base}/audit/export`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Brazil");
    }
    expect(await roster(b.org.slug, b.team.owner)).toEqual(before);
  });

  it("cannot reach org B's members through org A's URL", async () => {
    const api = client(a.team.owner);
    const base = `/api/v1/orgs/${a.org.slug}`;
    const before = await roster(b.org.slug, b.team.owner);
    expect((await api.patch(`${base}/members/${b.team.member.id}`, { role: "viewer" })).status).toBe(404);
    expect((await api.delete(`${base}/members/${b.team.member.id}`)).status).toBe(404);
    expect((await api.post(`${base}/transfer-ownership`, { userId: b.team.admin.id })).status).toBe(404);
    expect(await roster(b.org.slug, b.team.owner)).toEqual(before);
    // A's own owner is untouched by the refused transfer.
    expect((await roster(a.org.slug, a.team.owner))[a.team.owner.id]).toBe("owner");
  });

  it("left no trace in org B's audit log", async () => {
    const log = await client(b.team.owner).get<AuditPage>(`/api/v1/orgs/${b.org.slug}/audit`);
    expect(log.status).toBe(200);
    expect(log.body.data.map((e) => e.actor.id)).not.toContain(a.team.owner.id);
  });
});
