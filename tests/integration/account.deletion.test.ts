import { describe, expect, it } from "vitest";
import type { AccountDeletion } from "@/lib/account/delete-account";
import { ensurePersonalOrg } from "@/lib/auth/personal-org";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import { createOrg } from "@/lib/orgs/service";
import { addMember, createProjects, createUser, orgWithTeam, type TestUser } from "../support/factories";
import { client } from "../support/http";

const remove = (user: TestUser, confirmEmail = user.email) =>
  client(user).delete<AccountDeletion & { code?: string; detail?: string; errors?: { path: string }[] }>("/api/v1/me", { body: { confirmEmail } });

// Memberships are RLS-protected: a user-scoped transaction sees that user's own.
const personalOrgOf = (userId: string) =>
  scoped({ userId }, async (tx) => (await tx.membership.findFirstOrThrow({ where: { userId, org: { personal: true } }, select: { org: true } })).org);
const orgExists = async (id: string) => (await db.organization.count({ where: { id } })) === 1;

describe("deleting an account", () => {
  it("is refused while the user is the only owner of an org with other members, naming it", async () => {
    const { org, team } = await orgWithTeam("SoleOwner");
    const res = await remove(team.owner);
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain(org.name);
    expect(await db.user.count({ where: { id: team.owner.id } })).toBe(1);
    expect(await orgExists(org.id)).toBe(true);
  });

  it("needs the account's email typed as confirmation", async () => {
    const user = await createUser("Typo");
    const res = await remove(user, "someone.else@example.test");
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.path)).toEqual(["confirmEmail"]);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("deletes orgs they alone belong to, leaves the others (audited), and keeps those orgs' data", async () => {
    const leaver = await createUser("Leaver");
    await ensurePersonalOrg(leaver.id);
    const personal = await personalOrgOf(leaver.id);
    await createProjects(personal.id, leaver.id, ["Private notes"]);
    const solo = await createOrg(leaver.id, { name: "Solo side project" });

    // A member elsewhere, and a co-owner of an org that keeps another owner.
    const { org: team, team: people, projects } = await orgWithTeam("Stays");
    await addMember(team.id, leaver.id, "member");
    const [theirs] = await createProjects(team.id, leaver.id, ["Leaver's roadmap"]);
    const shared = await createOrg(leaver.id, { name: "Co-owned" });
    await addMember(shared.id, people.owner.id, "owner");

    const res = await remove(leaver);
    expect(res.status).toBe(200);
    expect(res.body.deletedOrganizations.map((o) => o.name).sort()).toEqual([personal.name, "Solo side project"].sort());
    expect(res.body.leftOrganizations.map((o) => o.slug).sort()).toEqual([team.slug, shared.slug].sort());

    expect(await db.user.count({ where: { id: leaver.id } })).toBe(0);
    expect(await orgExists(personal.id)).toBe(false);
    expect(await orgExists(solo.id)).toBe(false);
    expect(await orgExists(team.id)).toBe(true);
    expect(await orgExists(shared.id)).toBe(true);

    await scoped({ orgId: team.id }, async (tx) => {
      expect(await tx.membership.count({ where: { orgId: team.id, userId: leaver.id } })).toBe(0);
      expect(await tx.membership.count({ where: { orgId: team.id } })).toBe(4);
      // The org's work stays with the org, without a creator to point at.
      expect(await tx.project.count({ where: { orgId: team.id } })).toBe(projects.length + 1);
      expect((await tx.project.findUniqueOrThrow({ where: { id: theirs!.id } })).createdById).toBeNull();
      const left = await tx.auditEvent.findMany({ where: { orgId: team.id, action: "member.left" } });
      expect(left).toEqual([expect.objectContaining({ actorId: leaver.id, targetId: leaver.id, targetLabel: leaver.email, changes: { before: { role: "member" } } })]);
    });
    await scoped({ orgId: shared.id }, async (tx) => {
      expect((await tx.membership.findMany({ where: { orgId: shared.id } })).map((m) => m.userId)).toEqual([people.owner.id]);
      expect(await tx.auditEvent.count({ where: { orgId: shared.id, action: "member.left" } })).toBe(1);
    });

    // The session of a deleted user is a signed-out session.
    expect((await client(leaver).get("/api/v1/me")).status).toBe(401);
  });
});
