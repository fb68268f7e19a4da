import { asUser } from "@/lib/db/tenant-transaction";
import { db } from "@/lib/db/client";
import { describe, expect, inject, it } from "vitest";

const baseUrl = () => inject("baseUrl");
import { createUser, orgWithTeam, TEST_PASSWORD } from "../support/factories";
import { client } from "../support/http";

type Org = { id: string; slug: string; name: string; role: string; personal: boolean };

describe("organisations", () => {
  it("a user creates, lists, renames and deletes an org", async () => {
    const user = await createUser("Founder");
    const api = client(user);
    const created = await api.post<Org>("/api/v1/orgs", { name: "Rocket Labs" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Rocket Labs", role: "owner" });
    expect(created.body.slug).toMatch(/^rocket-labs/);

    const list = await api.get<{ data: Org[] }>("/api/v1/orgs");
    expect(list.body.data.map((o) => o.slug)).toContain(created.body.slug);

    const slug = `rocket-${Date.now()}`;
    const renamed = await api.patch<Org>(`/api/v1/orgs/${created.body.slug}`, { name: "Rocket", slug });
    expect(renamed.body).toMatchObject({ name: "Rocket", slug });
    expect((await api.get(`/api/v1/orgs/${created.body.slug}`)).status).toBe(404);

    expect((await api.delete(`/api/v1/orgs/${slug}`)).status).toBe(204);
    expect((await api.get(`/api/v1/orgs/${slug}`)).status).toBe(404);
  });

  it("refuses a taken or reserved slug", async () => {
    const { org, team } = await orgWithTeam("Slugs");
    const other = await client(team.owner).post<Org>("/api/v1/orgs", { name: "Other" });
    const taken = await client(team.owner).patch<{ code: string }>(`/api/v1/orgs/${other.body.slug}`, { slug: org.slug });
    expect(taken.status).toBe(409);
    const reserved = await client(team.owner).post<{ code: string }>("/api/v1/orgs", { name: "X", slug: "settings" });
    expect(reserved.status).toBe(400);
  });

  it("only owners delete, only admins and owners rename", async () => {
    const { org, team } = await orgWithTeam("Perms");
    expect((await client(team.admin).delete(`/api/v1/orgs/${org.slug}`)).status).toBe(403);
    expect((await client(team.member).patch(`/api/v1/orgs/${org.slug}`, { name: "No" })).status).toBe(403);
    expect((await client(team.admin).patch(`/api/v1/orgs/${org.slug}`, { name: "Yes" })).status).toBe(200);
  });

  it("the last owner cannot leave or be demoted; another owner makes it possible", async () => {
    const { org, team } = await orgWithTeam("Owners");
    const owner = client(team.owner);
    const members = `/api/v1/orgs/${org.slug}/members`;
    expect((await owner.delete(`${members}/${team.owner.id}`)).status).toBe(409);
    expect((await owner.patch(`${members}/${team.owner.id}`, { role: "admin" })).status).toBe(409);
    expect((await client(team.admin).patch(`${members}/${team.admin.id}`, { role: "owner" })).status).toBe(403);

    expect((await owner.patch(`${members}/${team.admin.id}`, { role: "owner" })).status).toBe(200);
    expect((await owner.delete(`${members}/${team.owner.id}`)).status).toBe(204);
    expect((await owner.get(`/api/v1/orgs/${org.slug}`)).status).toBe(404);
  });

  it("a member leaves; a member cannot remove others", async () => {
    const { org, team } = await orgWithTeam("Leave");
    const members = `/api/v1/orgs/${org.slug}/members`;
    expect((await client(team.member).delete(`${members}/${team.viewer.id}`)).status).toBe(403);
    expect((await client(team.viewer).delete(`${members}/${team.viewer.id}`)).status).toBe(204);
    expect((await client(team.viewer).get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(404);
  });
});

describe("accounts and sessions", () => {
  it("sign-up creates the user with a personal org; a duplicate creates nothing", async () => {
    const email = `new.${Date.now()}@example.test`;
    const res = await client().post("/api/v1/signup", { name: "Nia New", email, password: TEST_PASSWORD });
    expect(res.status).toBe(202);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const memberships = await asUser(user.id, (tx) => tx.membership.findMany({ where: { userId: user.id }, select: { role: true, org: { select: { slug: true, personal: true } } } }));
    expect(memberships).toEqual([{ role: "owner", org: { slug: expect.stringMatching(/^nia-new/), personal: true } }]);
    const again = await client().post("/api/v1/signup", { name: "Nia", email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(again.status).toBe(202);
    expect(await db.user.count({ where: { email: { equals: email, mode: "insensitive" } } })).toBe(1);
    const bad = await client().post<{ errors: { path: string }[] }>("/api/v1/signup", { name: "", email: "nope", password: "short" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(["email", "name", "password"]);
  });

  it("signs in with email and password through next-auth", async () => {
    const user = await createUser("Signer");
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const form = new URLSearchParams({ csrfToken, email: user.email, password: TEST_PASSWORD, json: "true" });
    const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, { method: "POST", body: form, headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
    expect(res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(true);

    const wrong = new URLSearchParams({ csrfToken, email: user.email, password: "wrong-password!", json: "true" });
    const denied = await fetch(`${baseUrl()}/api/auth/callback/credentials`, { method: "POST", body: wrong, headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
    expect(denied.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
  });

  it("sign out everywhere else ends every other session on its next request and keeps this one", async () => {
    const { org, team } = await orgWithTeam("Revoke");
    const laptop = client(team.member);
    const phone = client(team.member);
    expect((await phone.get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(200);
    expect((await laptop.delete("/api/v1/me/sessions")).status).toBe(204);
    expect((await phone.get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(401);
    expect((await phone.get("/api/v1/orgs")).status).toBe(401);
    expect((await laptop.get(`/api/v1/orgs/${org.slug}/projects`)).status).toBe(200);
  });
});
