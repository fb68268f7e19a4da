import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { asUser, inOrg } from "@/lib/db/tenant-transaction";
import { createSession, orgWithTeam } from "../support/factories";
import { client } from "../support/http";

type Problem = { code: string };
const elevenMinutesAgo = () => new Date(Date.now() - 11 * 60_000);

describe("least privilege in the database", () => {
  it.each([
    ["password hashes", `select "passwordHash" from user_credentials`],
    ["TOTP secrets", `select "totpSecret" from user_credentials`],
    ["recovery codes", `select "codeHash" from recovery_codes`],
    ["OAuth tokens", `select access_token from accounts`],
    ["magic-link tokens", `select token from verification_tokens`],
    ["verification tokens", `select "tokenHash" from email_verifications`],
    ["the platform log", `select * from platform_events`],
  ])("the request role cannot read %s", async (_what, sql) => {
    const { team } = await orgWithTeam("Priv");
    await expect(asUser(team.owner.id, (tx) => tx.$queryRawUnsafe(sql))).rejects.toThrow(/permission denied/);
  });

  it("the auth code path can (it signs people in)", async () => {
    const { team } = await orgWithTeam("AuthPath");
    const row = await db.userCredential.findUniqueOrThrow({ where: { userId: team.owner.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("a request transaction sees only the caller's own sessions", async () => {
    const { team } = await orgWithTeam("OwnSessions");
    await createSession(team.member);
    const mine = await createSession(team.owner);
    const seen = await asUser(team.owner.id, (tx) => tx.$queryRaw<{ id: string }[]>`select id from user_sessions`);
    expect(seen.map((s) => s.id)).toContain(mine);
    expect(seen.every((s) => s.id !== undefined)).toBe(true);
    const foreign = await inOrg("no-org", (tx) => tx.$queryRaw<{ id: string }[]>`select id from user_sessions`);
    expect(foreign).toEqual([]);
  });
});

describe("re-authentication for destructive actions", () => {
  it("deleting an org and transferring ownership need a recent sign-in; the deletion outlives the org in the platform log", async () => {
    const { org, team } = await orgWithTeam("Reauth");
    const stale = client(team.owner, { sessionId: await createSession(team.owner, { authenticatedAt: elevenMinutesAgo() }) });
    const transfer = await stale.post<Problem>(`/api/v1/orgs/${org.slug}/transfer-ownership`, { userId: team.admin.id });
    expect([transfer.status, transfer.body.code]).toEqual([403, "reauthentication_required"]);
    const del = await stale.delete<Problem>(`/api/v1/orgs/${org.slug}`);
    expect([del.status, del.body.code]).toEqual([403, "reauthentication_required"]);
    expect(await db.organization.count({ where: { id: org.id } })).toBe(1);

    expect((await client(team.owner).delete(`/api/v1/orgs/${org.slug}`)).status).toBe(204);
    // Operators read the platform log with the owner's connection; the app cannot.
    const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await owner.connect();
    try {
      const { rows } = await owner.query(`select type, "actorId", "targetId" from platform_events where "targetId" = $1`, [org.id]);
      expect(rows).toEqual([{ type: "org.deleted", actorId: team.owner.id, targetId: org.id }]);
    } finally {
      await owner.end();
    }
  });

  it("deleting the account needs a recent sign-in", async () => {
    const { team } = await orgWithTeam("ReauthAccount");
    const stale = client(team.viewer, { sessionId: await createSession(team.viewer, { authenticatedAt: elevenMinutesAgo() }) });
    const res = await stale.delete<Problem>("/api/v1/me", { body: { confirmEmail: team.viewer.email } });
    expect([res.status, res.body.code]).toEqual([403, "reauthentication_required"]);
  });
});
