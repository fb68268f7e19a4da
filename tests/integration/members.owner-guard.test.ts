import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { inOrg } from "@/lib/db/tenant-transaction";
import { createOrg } from "@/lib/orgs/service";
import { addMember, createUser } from "../support/factories";
import { client } from "../support/http";

/**
 * The owner guard lives in the database (a deferred constraint trigger on memberships): a write
 * that skips the services, run as the request role, still cannot leave an org without an owner.
 */

async function soloOwner() {
  const owner = await createUser("Guarded Owner");
  const org = await createOrg(owner.id, { name: `Guarded ${owner.id.slice(-6)}` });
  return { owner, org };
}

const ownerCount = (orgId: string) => inOrg(orgId, (tx) => tx.membership.count({ where: { orgId, role: "owner" } }));
const withoutOwner = /would be left without an owner/;

describe("the owner guard trigger", () => {
  it("refuses demoting the last owner in raw SQL as the app role, at commit", async () => {
    const { owner, org } = await soloOwner();
    await expect(
      inOrg(org.id, (tx) => tx.$executeRaw`update memberships set role = 'admin' where "orgId" = ${org.id} and "userId" = ${owner.id}`),
    ).rejects.toThrow(withoutOwner);
    expect(await ownerCount(org.id)).toBe(1);
  });

  it("refuses deleting the last owner's membership, and checks immediately when asked to", async () => {
    const { owner, org } = await soloOwner();
    await expect(
      inOrg(org.id, async (tx) => {
        await tx.$executeRaw`delete from memberships where "orgId" = ${org.id} and "userId" = ${owner.id}`;
        await tx.$executeRaw`set constraints "memberships_keep_an_owner" immediate`;
      }),
    ).rejects.toThrow(withoutOwner);
    expect(await ownerCount(org.id)).toBe(1);
  });

  // PGlite runs one transaction at a time, so two cannot both be open at the barrier.
  it.runIf(inject("dbMode") === "postgres")("lets only one of two overlapping transactions demote the two owners, bypassing the services", async () => {
    const { owner, org } = await soloOwner();
    const second = await createUser("Second Owner");
    await addMember(org.id, second.id, "owner");

    // Both updates are done before either transaction commits: only the trigger can tell.
    let arrived = 0;
    let release = () => {};
    const bothUpdated = new Promise<void>((resolve) => (release = resolve));
    const demote = (userId: string) =>
      inOrg(org.id, async (tx) => {
        await tx.$executeRaw`update memberships set role = 'admin' where "orgId" = ${org.id} and "userId" = ${userId}`;
        if (++arrived === 2) release();
        await bothUpdated;
      });
    const results = await Promise.allSettled([demote(owner.id), demote(second.id)]);

    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(String((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toMatch(withoutOwner);
    expect(await ownerCount(org.id)).toBe(1);
  });

  it("lets a transaction demote the owner before it promotes the next one", async () => {
    const { owner, org } = await soloOwner();
    const next = await createUser("Next Owner");
    await addMember(org.id, next.id, "member");
    await inOrg(org.id, async (tx) => {
      await tx.$executeRaw`update memberships set role = 'admin' where "orgId" = ${org.id} and "userId" = ${owner.id}`;
      await tx.$executeRaw`update memberships set role = 'owner' where "orgId" = ${org.id} and "userId" = ${next.id}`;
    });
    expect(await ownerCount(org.id)).toBe(1);
  });

  it("lets an org be deleted with its members", async () => {
    const { owner, org } = await soloOwner();
    await addMember(org.id, (await createUser("Member")).id, "member");
    expect((await client(owner).delete(`/api/v1/orgs/${org.slug}`)).status).toBe(204);
    expect(await db.organization.findUnique({ where: { id: org.id } })).toBeNull();
  });

  it.each(["user first", "org first"])("lets a user be deleted together with their personal org (%s)", async (order) => {
    const { owner, org } = await soloOwner();
    await inOrg(org.id, async (tx) => {
      const deleteUser = () => tx.$executeRaw`delete from users where id = ${owner.id}`;
      const deleteOrg = () => tx.$executeRaw`delete from organizations where id = ${org.id}`;
      if (order === "user first") await deleteUser().then(deleteOrg);
      else await deleteOrg().then(deleteUser);
    });
    expect(await db.user.findUnique({ where: { id: owner.id } })).toBeNull();
    expect(await db.organization.findUnique({ where: { id: org.id } })).toBeNull();
  });

  it("refuses deleting a user who is the last owner of an org that stays", async () => {
    const { owner, org } = await soloOwner();
    await addMember(org.id, (await createUser("Stays")).id, "member");
    await expect(inOrg(org.id, (tx) => tx.$executeRaw`delete from users where id = ${owner.id}`)).rejects.toThrow(withoutOwner);
    expect(await ownerCount(org.id)).toBe(1);
  });

  it("answers an API change that would leave no owner with a 409 problem", async () => {
    const { owner, org } = await soloOwner();
    const res = await client(owner).patch<{ code: string; detail: string }>(`/api/v1/orgs/${org.slug}/members/${owner.id}`, { role: "admin" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/at least one owner/);
  });
});
