import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { readEntered } from "@/lib/db/tenant-transaction";
import { createSession, createUser, orgWithTeam, TEST_PASSWORD } from "../support/factories";
import { client, sessionCookie } from "../support/http";
import { signInWithPassword } from "../support/sign-in";

type SessionList = { data: { id: string; current: boolean; device: string; ip: string | null }[]; nextCursor: string | null };

describe("sessions you can see and end", () => {
  it("records each sign-in as a device, lists it, and ends one device without touching the other", async () => {
    const user = await createUser("Two Devices");
    const phoneId = await createSession(user, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile/15E148 Safari/604.1" });
    const laptopId = await createSession(user, { userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36" });
    const laptop = client(user, { sessionId: laptopId });
    const phone = client(user, { sessionId: phoneId });

    const list = await laptop.get<SessionList>("/api/v1/me/sessions");
    expect(list.body.data.map((s) => [s.id, s.current])).toEqual(expect.arrayContaining([[laptopId, true], [phoneId, false]]));
    expect(list.body.data.find((s) => s.id === phoneId)?.device).toMatch(/Safari.*iOS/);

    expect((await laptop.delete(`/api/v1/me/sessions/${phoneId}`)).status).toBe(204);
    expect((await phone.get("/api/v1/orgs")).status).toBe(401);
    expect((await laptop.get("/api/v1/orgs")).status).toBe(200);
  });

  it("cannot see or end another user's sessions", async () => {
    const alice = await createUser("Alice Sessions");
    const bob = await createUser("Bob Sessions");
    const bobsId = await createSession(bob);
    expect((await client(alice).delete(`/api/v1/me/sessions/${bobsId}`)).status).toBe(404);
    expect((await client(alice).get<SessionList>("/api/v1/me/sessions")).body.data.some((s) => s.id === bobsId)).toBe(false);
    expect((await client(bob, { sessionId: bobsId }).get("/api/v1/orgs")).status).toBe(200);
  });

  it("signing out ends the session on the server, so a copied cookie stops working", async () => {
    const user = await createUser("Signs Out");
    const { sessionCookie: cookie } = await signInWithPassword(user.email, TEST_PASSWORD, { "user-agent": "Copied-Cookie-Test/1.0" });
    expect(cookie).not.toBeNull();
    const copy = client(undefined);
    expect((await copy.get("/api/v1/orgs", { headers: { cookie: cookie! } })).status).toBe(200);
    const session = await db.userSession.findFirstOrThrow({ where: { userId: user.id, userAgent: "Copied-Cookie-Test/1.0" } });
    expect(session.ip).toBeTruthy();

    const base = inject("baseUrl");
    const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: cookie! } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = [cookie!, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    await fetch(`${base}/api/auth/signout`, { method: "POST", body: new URLSearchParams({ csrfToken, json: "true" }), headers: { cookie: jar, "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });

    expect((await copy.get("/api/v1/orgs", { headers: { cookie: cookie! } })).status).toBe(401);
    expect(await db.securityEvent.count({ where: { userId: user.id, type: "signed_out" } })).toBe(1);
  });

  it("updates last seen at most once a minute, in the request's own query", async () => {
    const { org, team } = await orgWithTeam("Seen");
    const id = await createSession(team.member);
    const old = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id }, data: { lastSeenAt: old } });
    const api = client(team.member, { sessionId: id });
    await api.get(`/api/v1/orgs/${org.slug}/projects`);
    const first = (await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    expect(first.getTime()).toBeGreaterThan(old.getTime());
    await api.get(`/api/v1/orgs/${org.slug}/projects`);
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime()).toBe(first.getTime());
  });

  it("a token the app refuses touches nothing and reads nothing, though the read went with the entry", async () => {
    const { org, team, projects } = await orgWithTeam("Refused");
    const id = await createSession(team.member);
    const old = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id }, data: { lastSeenAt: old } });
    const stale = client(team.member, { sessionId: id });
    const lastSeen = async () => (await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime();

    // A password change elsewhere bumps the session version: this token is now stale.
    await db.user.update({ where: { id: team.member.id }, data: { sessionVersion: { increment: 1 } } });
    for (const path of [`/api/v1/orgs/${org.slug}/projects`, `/api/v1/orgs/${org.slug}/projects/${projects[0]!.id}`, `/api/v1/orgs/${org.slug}/projects/${projects[0]!.id.slice(0, -4)}zzzz`]) {
      const res = await stale.get<{ code: string; data?: unknown }>(path);
      // The entry's refusal, not the read's answer (a page, a project) or error (a 404 for no such project).
      expect([res.status, res.body.code], path).toEqual([401, "unauthenticated"]);
    }
    expect((await stale.get(`/dashboard/${org.slug}/projects`)).status).toBe(307);
    expect(await lastSeen()).toBe(old.getTime());

    // What the read sent with the entry saw: the org's rows only for the current version.
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: team.member.id } });
    const seen = async (version: number) => {
      const entry = { fn: "app_enter_as_member", args: [team.member.id, id, version, org.slug, false] } as const;
      const { read } = await readEntered(entry, (sql) => sql.rows<{ n: number }>("select count(*)::int as n from projects", [], { prepared: true, last: true }));
      return read.status === "fulfilled" ? read.value[0]!.n : read.reason;
    };
    expect(await seen(sessionVersion - 1)).toBe(0);
    expect(await seen(sessionVersion)).toBe(projects.length);

    // A session that has not entered its two-factor code yet.
    const pendingId = await createSession(team.admin);
    await db.userSession.update({ where: { id: pendingId }, data: { lastSeenAt: old, twoFactorPending: true } });
    const pending = await client(team.admin, { sessionId: pendingId }).get<{ code: string }>(`/api/v1/orgs/${org.slug}/projects`);
    expect([pending.status, pending.body.code]).toEqual([401, "two_factor_pending"]);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: pendingId } })).lastSeenAt.getTime()).toBe(old.getTime());
  });

  it("a token without a session record is signed out", async () => {
    const user = await createUser("No Record");
    const cookie = await sessionCookie(user, crypto.randomUUID());
    expect((await client(undefined).get("/api/v1/orgs", { headers: { cookie } })).status).toBe(401);
  });
});
