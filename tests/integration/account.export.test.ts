import { describe, expect, it } from "vitest";
import type { AccountExport } from "@/lib/account/export-data";
import { db } from "@/lib/db/client";
import { addMember, createProjects, createUser, orgWithTeam, TEST_PASSWORD } from "../support/factories";
import { client } from "../support/http";

const SECRETS = ["gho_access_secret", "ghr_refresh_secret", "id_token_secret"];

describe("downloading my data", () => {
  it("is a dated JSON attachment with the profile, linked providers, memberships and created projects", async () => {
    const { org, team, projects } = await orgWithTeam("Export");
    const me = team.member;
    const [mine] = await createProjects(org.id, me.id, ["My export project"]);
    await db.account.create({
      data: { userId: me.id, type: "oauth", provider: "github", providerAccountId: "4242", access_token: SECRETS[0], refresh_token: SECRETS[1], id_token: SECRETS[2] },
    });
    await client(me).post("/api/v1/me/email", { newEmail: `export.${Date.now()}@example.test`, password: TEST_PASSWORD });

    const res = await client(me).get<AccountExport>("/api/v1/me/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="tenantkit-data-${new Date().toISOString().slice(0, 10)}.json"`);
    expect(res.headers.get("cache-control")).toBe("no-store");

    const data = res.body;
    expect(data.profile).toMatchObject({ id: me.id, email: me.email, name: me.name, hasPassword: true });
    expect(data.linkedAccounts).toEqual([{ provider: "github", type: "oauth", providerAccountId: "4242" }]);
    expect(data.emailChanges).toHaveLength(1);
    expect(data.memberships).toEqual([
      expect.objectContaining({
        organization: { id: org.id, slug: org.slug, name: org.name, personal: false },
        role: "member",
        projectsCreated: [expect.objectContaining({ id: mine!.id, name: "My export project" })],
      }),
    ]);
    // The owner's projects in the same org are the org's, not this person's.
    const text = JSON.stringify(data);
    for (const p of projects) expect(text).not.toContain(p.id);

    expect(text).not.toMatch(/passwordHash|argon2|tokenHash/);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it("never contains another user's data, nor projects in orgs they have left", async () => {
    const { org, team } = await orgWithTeam("Neighbours");
    const outsider = await createUser("Outsider");
    const { org: other } = await orgWithTeam("Elsewhere");
    await addMember(other.id, outsider.id, "member");
    const [gone] = await createProjects(other.id, outsider.id, ["Left behind"]);
    expect((await client(outsider).delete(`/api/v1/orgs/${other.slug}/members/${outsider.id}`)).status).toBe(204);

    const res = await client(outsider).get<AccountExport>("/api/v1/me/export");
    expect(res.body.memberships).toEqual([]);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(gone!.id);
    for (const person of Object.values(team)) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.email);
    }
    expect(text).not.toContain(org.id);
    expect((await client().get("/api/v1/me/export")).status).toBe(401);
  });
});
