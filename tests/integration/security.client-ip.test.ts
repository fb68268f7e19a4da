import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEventDto, AuditPage } from "@/lib/audit/schemas";
import type { AppServer } from "../support/app-server";
import { orgWithTeam, type TestUser } from "../support/factories";
import { client, sessionCookie } from "../support/http";
import { startSecondAppServer } from "../support/second-app-server";

const spoofed = (n: number) => `198.51.100.${n}`;

async function createProjectAt(baseUrl: string, as: TestUser, slug: string, headers: Record<string, string>) {
  const res = await fetch(`${baseUrl}/api/v1/orgs/${slug}/projects`, {
    method: "POST",
    headers: { cookie: await sessionCookie(as), "content-type": "application/json", ...headers },
    body: JSON.stringify({ name: `Spoof ${Math.random()}` }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function auditIpOf(slug: string, owner: TestUser, projectId: string): Promise<string | null | undefined> {
  const res = await client(owner).get<AuditPage>(`/api/v1/orgs/${slug}/audit?limit=100&action=project.created`);
  return res.body.data.find((e: AuditEventDto) => e.target?.id === projectId)?.ip;
}

describe("bare `next start` (no TRUSTED_PROXY_HOPS, no TRUSTED_IP_HEADER)", () => {
  let bare: AppServer;

  beforeAll(async () => {
    // Limits counted in that server's memory at their real size: a clean bucket per run.
    bare = await startSecondAppServer({ TRUSTED_PROXY_HOPS: "0", REDIS_URL: "", RATE_LIMIT_MULTIPLIER: "1" });
  });
  afterAll(() => bare?.stop());

  it("records the TCP peer in the audit log, not X-Forwarded-For or X-Real-IP", async () => {
    const { org, team } = await orgWithTeam("BareIp");
    const id = await createProjectAt(bare.baseUrl, team.member, org.slug, { "x-forwarded-for": spoofed(1), "x-real-ip": spoofed(2) });
    expect(await auditIpOf(org.slug, team.owner, id)).toBe("127.0.0.1");
  });

  it("ignores a forged peer header: the server stamps its own", async () => {
    const { org, team } = await orgWithTeam("BarePeer");
    const id = await createProjectAt(bare.baseUrl, team.member, org.slug, { "x-tenantkit-peer-address": spoofed(3) });
    expect(await auditIpOf(org.slug, team.owner, id)).toBe("127.0.0.1");
  });

  it("keeps one rate-limit bucket however X-Forwarded-For changes", async () => {
    // auth:ip allows 20 sign-up attempts a minute per IP; each attempt claims another address.
    const statuses: number[] = [];
    for (let n = 0; n < 21; n++) {
      const res = await fetch(`${bare.baseUrl}/api/v1/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": spoofed(10 + n), "x-real-ip": spoofed(100 + n) },
        body: "{}",
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 400));
    expect(statuses[20]).toBe(429);
  });
});

describe("behind trusted proxies (the test server trusts two hops)", () => {
  it("records the entry two from the right, not what the client put in front", async () => {
    const { org, team } = await orgWithTeam("HopsIp");
    const res = await client(team.member).post<{ id: string }>(`/api/v1/orgs/${org.slug}/projects`, { name: "Hops" }, {
      headers: { "x-forwarded-for": `${spoofed(50)}, 203.0.113.50, 10.0.0.1` },
    });
    expect(res.status).toBe(201);
    expect(await auditIpOf(org.slug, team.owner, res.body.id)).toBe("203.0.113.50");
  });
});
