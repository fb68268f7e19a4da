import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import type { MemberDto } from "@/lib/members/service";
import { createUser, orgWithTeam, type TestUser } from "../support/factories";
import { client } from "../support/http";

const transfer = (slug: string, as: TestUser, userId: string) =>
  client(as).post<{ data: MemberDto[]; code?: string; errors?: { path: string }[] }>(`/api/v1/orgs/${slug}/transfer-ownership`, { userId });

async function rolesOf(slug: string, as: TestUser): Promise<Record<string, Role>> {
  const res = await client(as).get<{ data: MemberDto[] }>(`/api/v1/orgs/${slug}/members`);
  return Object.fromEntries(res.body.data.map((m) => [m.userId, m.role]));
}

describe("transferring ownership", () => {
  it("makes the member an owner and the caller an admin, and returns the new roster", async () => {
    const { org, team } = await orgWithTeam("Handover");
    const res = await transfer(org.slug, team.owner, team.member.id);
    expect(res.status).toBe(200);
    const roles = Object.fromEntries(res.body.data.map((m) => [m.userId, m.role]));
    expect(roles[team.member.id]).toBe("owner");
    expect(roles[team.owner.id]).toBe("admin");
    expect(await rolesOf(org.slug, team.viewer)).toEqual(roles);

    // The former owner is an admin now: they cannot do it again, the new owner can.
    expect((await transfer(org.slug, team.owner, team.viewer.id)).status).toBe(403);
    expect((await transfer(org.slug, team.member, team.owner.id)).status).toBe(200);
    expect((await rolesOf(org.slug, team.owner))[team.owner.id]).toBe("owner");
  });

  it.each(["admin", "member", "viewer"] as const)("is refused when the caller is %s, and nothing changes", async (role) => {
    const { org, team } = await orgWithTeam("NotOwner");
    const before = await rolesOf(org.slug, team.owner);
    const res = await transfer(org.slug, team[role], role === "admin" ? team.member.id : team.admin.id);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect(await rolesOf(org.slug, team.owner)).toEqual(before);
  });

  it("to yourself is a 400 that names the field", async () => {
    const { org, team } = await orgWithTeam("ToSelf");
    const res = await transfer(org.slug, team.owner, team.owner.id);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.path)).toEqual(["userId"]);
  });

  it("to someone who is not a member is a 404, and nothing changes", async () => {
    const { org, team } = await orgWithTeam("Outsider");
    const outsider = await createUser("Outsider");
    const before = await rolesOf(org.slug, team.owner);
    expect((await transfer(org.slug, team.owner, outsider.id)).status).toBe(404);
    expect(await rolesOf(org.slug, team.owner)).toEqual(before);
  });

  it("to another owner leaves them owner and makes the caller an admin", async () => {
    const { org, team } = await orgWithTeam("CoOwner");
    await client(team.owner).patch(`/api/v1/orgs/${org.slug}/members/${team.admin.id}`, { role: "owner" });
    expect((await transfer(org.slug, team.owner, team.admin.id)).status).toBe(200);
    const roles = await rolesOf(org.slug, team.owner);
    expect(roles[team.admin.id]).toBe("owner");
    expect(roles[team.owner.id]).toBe("admin");
  });

  it("validates the body", async () => {
    const { org, team } = await orgWithTeam("Body");
    expect((await client(team.owner).post(`/api/v1/orgs/${org.slug}/transfer-ownership`, {})).status).toBe(400);
    expect((await client(team.owner).post(`/api/v1/orgs/${org.slug}/transfer-ownership`, { userId: "x" })).status).toBe(400);
  });

  it("needs a session", async () => {
    const { org, team } = await orgWithTeam("Anon");
    expect((await client().post(`/api/v1/orgs/${org.slug}/transfer-ownership`, { userId: team.member.id })).status).toBe(401);
  });
});
