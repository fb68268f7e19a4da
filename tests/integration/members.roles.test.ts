import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import type { MemberDto } from "@/lib/members/service";
import { addMember, createUser, orgWithTeam, type TestUser } from "../support/factories";
import { client } from "../support/http";

const ROLES = ["owner", "admin", "member", "viewer"] as const satisfies readonly Role[];

/** The rule the API enforces, written out: who may set whose role to what. */
function expectedStatus(actor: Role, target: Role, next: Role): number {
  if (actor === "member" || actor === "viewer") return 403;
  if (actor === "admin" && (target === "owner" || next === "owner")) return 403;
  return 200;
}

async function rolesOf(slug: string, as: TestUser): Promise<Map<string, Role>> {
  const res = await client(as).get<{ data: MemberDto[] }>(`/api/v1/orgs/${slug}/members`);
  return new Map(res.body.data.map((m) => [m.userId, m.role]));
}

describe.each(ROLES)("an actor who is %s, changing someone else's role", (actorRole) => {
  let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
  // One fresh target per (current role, new role), so every case starts from a known state.
  const targets = new Map<string, TestUser>();
  const key = (target: Role, next: Role) => `${target}->${next}`;

  beforeAll(async () => {
    fixture = await orgWithTeam(`Matrix ${actorRole}`);
    for (const target of ROLES) {
      for (const next of ROLES) {
        const user = await createUser(`${target} to ${next}`);
        await addMember(fixture.org.id, user.id, target);
        targets.set(key(target, next), user);
      }
    }
  });

  it.each(ROLES.flatMap((target) => ROLES.map((next) => [target, next] as const)))("from %s to %s", async (target, next) => {
    const user = targets.get(key(target, next))!;
    const res = await client(fixture.team[actorRole]).patch<MemberDto & { code?: string }>(`/api/v1/orgs/${fixture.org.slug}/members/${user.id}`, { role: next });
    const status = expectedStatus(actorRole, target, next);
    expect(res.status).toBe(status);
    const roles = await rolesOf(fixture.org.slug, fixture.team.owner);
    if (status === 200) {
      expect(res.body).toMatchObject({ userId: user.id, email: user.email, role: next });
      expect(roles.get(user.id)).toBe(next);
    } else {
      expect(res.body.code).toBe("forbidden");
      expect(roles.get(user.id)).toBe(target);
    }
  });
});

describe("changing your own role", () => {
  it("the only owner cannot step down; with a second owner they can", async () => {
    const { org, team } = await orgWithTeam("Self");
    const url = `/api/v1/orgs/${org.slug}/members/${team.owner.id}`;
    const refused = await client(team.owner).patch<{ code: string; detail: string }>(url, { role: "admin" });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/at least one owner/);

    expect((await client(team.owner).patch(`/api/v1/orgs/${org.slug}/members/${team.admin.id}`, { role: "owner" })).status).toBe(200);
    expect((await client(team.owner).patch(url, { role: "admin" })).status).toBe(200);
    expect((await rolesOf(org.slug, team.admin)).get(team.owner.id)).toBe("admin");
  });

  it("an admin cannot raise themself to owner but may step down", async () => {
    const { org, team } = await orgWithTeam("SelfAdmin");
    const url = `/api/v1/orgs/${org.slug}/members/${team.admin.id}`;
    expect((await client(team.admin).patch(url, { role: "owner" })).status).toBe(403);
    expect((await client(team.admin).patch(url, { role: "member" })).status).toBe(200);
    // Now a member: managing members is over.
    expect((await client(team.admin).patch(url, { role: "admin" })).status).toBe(403);
  });

  it("rejects an unknown role and a malformed user id with 400", async () => {
    const { org, team } = await orgWithTeam("Bad");
    const bad = await client(team.owner).patch<{ errors: { path: string }[] }>(`/api/v1/orgs/${org.slug}/members/${team.member.id}`, { role: "superuser" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(["role"]);
    expect((await client(team.owner).patch(`/api/v1/orgs/${org.slug}/members/NOT-AN-ID`, { role: "viewer" })).status).toBe(400);
  });
});

describe("removing members", () => {
  const removals: [Role, Role, number][] = [
    ["owner", "owner", 204],
    ["owner", "admin", 204],
    ["owner", "member", 204],
    ["owner", "viewer", 204],
    ["admin", "owner", 403],
    ["admin", "admin", 204],
    ["admin", "member", 204],
    ["admin", "viewer", 204],
    ["member", "admin", 403],
    ["member", "viewer", 403],
    ["viewer", "member", 403],
    ["viewer", "viewer", 403],
  ];

  it.each(removals)("a %s removing a %s gets %i", async (actor, target, status) => {
    const { org, team } = await orgWithTeam("Remove");
    const victim = await createUser(`Victim ${target}`);
    await addMember(org.id, victim.id, target);
    const res = await client(team[actor]).delete(`/api/v1/orgs/${org.slug}/members/${victim.id}`);
    expect(res.status).toBe(status);
    expect((await rolesOf(org.slug, team.owner)).has(victim.id)).toBe(status !== 204);
  });

  it("a removed member's next request is refused as if the org did not exist", async () => {
    const { org, team } = await orgWithTeam("Revoked");
    const removed = client(team.member);
    expect((await removed.get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(200);
    expect((await client(team.admin).delete(`/api/v1/orgs/${org.slug}/members/${team.member.id}`)).status).toBe(204);
    for (const res of [
      await removed.get(`/api/v1/orgs/${org.slug}`),
      await removed.get(`/api/v1/orgs/${org.slug}/projects`),
      await removed.get(`/api/v1/orgs/${org.slug}/members`),
      await removed.post(`/api/v1/orgs/${org.slug}/projects`, { name: "After removal" }),
    ]) {
      expect(res.status).toBe(404);
    }
    const orgs = await removed.get<{ data: { slug: string }[] }>("/api/v1/orgs");
    expect(orgs.body.data.map((o) => o.slug)).not.toContain(org.slug);
  });

  it("a missing member is a 404", async () => {
    const { org, team } = await orgWithTeam("Missing");
    const stranger = await createUser("Stranger");
    expect((await client(team.owner).delete(`/api/v1/orgs/${org.slug}/members/${stranger.id}`)).status).toBe(404);
  });
});

describe("leaving", () => {
  it.each(["admin", "member", "viewer"] as const)("a %s leaves and loses access at once", async (role) => {
    const { org, team } = await orgWithTeam("Leaver");
    const api = client(team[role]);
    expect((await api.delete(`/api/v1/orgs/${org.slug}/members/${team[role].id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/orgs/${org.slug}/members`)).status).toBe(404);
    expect((await rolesOf(org.slug, team.owner)).has(team[role].id)).toBe(false);
  });

  it("the last owner cannot leave; nothing changes", async () => {
    const { org, team } = await orgWithTeam("LastOwner");
    const res = await client(team.owner).delete<{ detail: string }>(`/api/v1/orgs/${org.slug}/members/${team.owner.id}`);
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/last owner/);
    expect((await rolesOf(org.slug, team.owner)).get(team.owner.id)).toBe("owner");
  });

  it("one of two owners may leave", async () => {
    const { org, team } = await orgWithTeam("TwoOwners");
    await client(team.owner).patch(`/api/v1/orgs/${org.slug}/members/${team.admin.id}`, { role: "owner" });
    expect((await client(team.owner).delete(`/api/v1/orgs/${org.slug}/members/${team.owner.id}`)).status).toBe(204);
    expect((await rolesOf(org.slug, team.admin)).get(team.admin.id)).toBe("owner");
  });
});
