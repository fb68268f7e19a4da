import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { generateApiKey } from "@/lib/api-keys/format";
import { db } from "@/lib/db/client";
import type { Page } from "@/lib/db/keyset-page";
import { scoped } from "@/lib/db/tenant-transaction";
import { createSession, createUser, orgWithTeam, type TestUser } from "../support/factories";
import { client } from "../support/http";

/**
 * Every list of the API, walked a page at a time: all rows once, in one stable order, even
 * when many rows share a creation time (the id breaks the tie). Rows below are made with one
 * `createdAt` on purpose.
 */

type Team = Awaited<ReturnType<typeof orgWithTeam>>;
type Row = Record<string, unknown>;
type Api = ReturnType<typeof client>;
type List = { name: string; url: () => string; as: () => Api; key: string; expected: () => string[] };

const SAME_TIME = new Date("2026-11-02T10:00:00.000Z");
const ROWS = 7;
let acme: Team;
let rival: Team;
let joiner: TestUser;
const made = { members: [] as string[], invitations: [] as string[], apiKeys: [] as string[], webhooks: [] as string[], orgs: [] as string[], sessions: [] as string[] };
/** One client (one signed-in device) per user: a new device would be a new session in the sessions list. */
let apis: Record<"owner" | "viewer" | "joiner", Api>;

beforeAll(async () => {
  acme = await orgWithTeam("Pages");
  rival = await orgWithTeam("PagesRival");
  joiner = await createUser("Pages Joiner");
  const orgId = acme.org.id;
  made.members.push(acme.team.owner.id, acme.team.admin.id, acme.team.member.id, acme.team.viewer.id);
  // Made before the transaction: on PGlite a query outside it would wait for it to end.
  const users: { id: string }[] = [];
  for (let i = 0; i < ROWS; i++) users.push(await db.user.create({ data: { email: `pages.${randomBytes(4).toString("hex")}@example.test` } }));
  await scoped({ orgId }, async (tx) => {
    for (const [i, user] of users.entries()) {
      await tx.membership.create({ data: { orgId, userId: user.id, role: "member", createdAt: SAME_TIME } });
      made.members.push(user.id);
      const invitation = await tx.invitation.create({
        data: { orgId, email: `invitee.${i}.${randomBytes(3).toString("hex")}@example.test`, role: "member", tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000), createdAt: SAME_TIME },
      });
      made.invitations.push(invitation.id);
      const { key: _secret, ...key } = generateApiKey("test");
      const apiKey = await tx.apiKey.create({ data: { ...key, orgId, name: `Key ${i}`, role: "read_only", createdAt: SAME_TIME } });
      made.apiKeys.push(apiKey.id);
      // createMany: a request's role may write an endpoint's secret but never read it back.
      const endpointId = `c${randomBytes(12).toString("hex")}`;
      await tx.webhookEndpoint.createMany({ data: { id: endpointId, orgId, url: `https://hooks.example.test/${i}`, eventTypes: ["project.created"], secret: "whsec_dGVzdA==", createdAt: SAME_TIME } });
      made.webhooks.push(endpointId);
    }
  });
  for (const team of [acme, rival]) {
    await scoped({ orgId: team.org.id }, (tx) => tx.membership.create({ data: { orgId: team.org.id, userId: joiner.id, role: "viewer", createdAt: SAME_TIME } }));
    made.orgs.push(team.org.slug);
  }
  for (let i = 0; i < ROWS - 2; i++) {
    const other = await orgWithTeam(`PagesExtra${i}`);
    await scoped({ orgId: other.org.id }, (tx) => tx.membership.create({ data: { orgId: other.org.id, userId: joiner.id, role: "viewer", createdAt: SAME_TIME } }));
    made.orgs.push(other.org.slug);
  }
  for (let i = 0; i < ROWS; i++) made.sessions.push(await createSession(joiner));
  await db.userSession.updateMany({ where: { userId: joiner.id }, data: { createdAt: SAME_TIME } });
  await db.securityEvent.createMany({ data: Array.from({ length: ROWS }, () => ({ userId: joiner.id, type: "signed_in", createdAt: SAME_TIME })) });
  apis = { owner: client(acme.team.owner), viewer: client(acme.team.viewer), joiner: client(joiner, { sessionId: made.sessions[0] }) };
  // Audit events to page through.
  for (let i = 0; i < 3; i++) await apis.owner.patch(`/api/v1/orgs/${acme.org.slug}/projects/${acme.projects[0]!.id}`, { description: `Edit ${i}` });
});

const org = () => `/api/v1/orgs/${acme.org.slug}`;
const lists: List[] = [
  { name: "members", url: () => `${org()}/members`, as: () => apis.owner, key: "userId", expected: () => made.members },
  { name: "invitations", url: () => `${org()}/invitations`, as: () => apis.owner, key: "id", expected: () => made.invitations },
  { name: "api keys", url: () => `${org()}/api-keys`, as: () => apis.owner, key: "id", expected: () => made.apiKeys },
  { name: "webhook endpoints", url: () => `${org()}/webhooks`, as: () => apis.owner, key: "id", expected: () => made.webhooks },
  { name: "projects", url: () => `${org()}/projects`, as: () => apis.viewer, key: "id", expected: () => acme.projects.map((p) => p.id) },
  { name: "audit events", url: () => `${org()}/audit`, as: () => apis.owner, key: "id", expected: () => [] },
  { name: "orgs", url: () => "/api/v1/orgs", as: () => apis.joiner, key: "slug", expected: () => made.orgs },
  { name: "sessions", url: () => "/api/v1/me/sessions", as: () => apis.joiner, key: "id", expected: () => made.sessions },
  { name: "security events", url: () => "/api/v1/me/security-events", as: () => apis.joiner, key: "id", expected: () => [] },
];

async function walk(list: List, limit: number, cursor: string | null = null) {
  const api = list.as();
  const keys: string[] = [];
  for (let pages = 0; pages < 100; pages++) {
    const res = await api.get<Page<Row>>(`${list.url()}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status, list.name).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    keys.push(...res.body.data.map((r) => String(r[list.key])));
    cursor = res.body.nextCursor;
    if (!cursor) return keys;
  }
  throw new Error(`${list.name}: more than 100 pages`);
}

describe("cursor pagination on every list", () => {
  for (const list of lists) {
    it(`${list.name}: pages of 2 hold every row of the whole list once, in its order`, async () => {
      const whole = await walk(list, 100);
      expect(new Set(whole).size).toBe(whole.length);
      expect(whole).toEqual(expect.arrayContaining(list.expected()));
      expect(whole.length).toBeGreaterThan(2);
      expect(await walk(list, 2)).toEqual(whole);
    });

    it(`${list.name}: a forged cursor or limit is a 400 naming it`, async () => {
      const api = list.as();
      const forged = Buffer.from(`2026-01-01T00:00:00.000Z|' or 1=1 --`).toString("base64url");
      for (const query of ["cursor=garbage", `cursor=${forged}`, "limit=0", "limit=101", "limit=ten"]) {
        const res = await api.get<{ code: string; errors: { path: string }[] }>(`${list.url()}?${query}`);
        expect(res.status, `${list.name} ${query}`).toBe(400);
        expect(res.body.code).toBe("invalid_input");
        expect(res.body.errors.map((e) => e.path)).toEqual([query.split("=")[0]]);
      }
    });
  }
});

describe("a cursor from someone else's list", () => {
  it("shows nothing of theirs on an org's list", async () => {
    const theirs = await client(rival.team.owner).get<Page<Row>>(`/api/v1/orgs/${rival.org.slug}/members?limit=1`);
    const cursor = theirs.body.nextCursor!;
    const ours = await apis.owner.get<Page<{ userId: string }>>(`${org()}/members?cursor=${encodeURIComponent(cursor)}`);
    expect(ours.status).toBe(200);
    for (const m of ours.body.data) expect(made.members).toContain(m.userId);
    expect(ours.body.data.map((m) => m.userId)).not.toEqual(expect.arrayContaining([rival.team.admin.id]));
  });

  it("shows nothing of theirs on a user's list", async () => {
    const other = await createUser("Pages Other");
    for (let i = 0; i < 3; i++) await createSession(other);
    const theirs = await client(other).get<Page<Row>>("/api/v1/me/sessions?limit=1");
    const mine = await apis.joiner.get<Page<{ id: string }>>(`/api/v1/me/sessions?cursor=${encodeURIComponent(theirs.body.nextCursor!)}`);
    expect(mine.status).toBe(200);
    const otherIds = (await db.userSession.findMany({ where: { userId: other.id }, select: { id: true } })).map((s) => s.id);
    for (const s of mine.body.data) expect(otherIds).not.toContain(s.id);
  });
});
