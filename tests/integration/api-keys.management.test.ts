import { beforeAll, describe, expect, it } from "vitest";
import type { ApiKeyDto, CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import { inOrg, scoped } from "@/lib/db/tenant-transaction";
import { orgWithTeam } from "../support/factories";
import { setPlan } from "../support/billing";
import { client } from "../support/http";
import { auditEvents, createKey, keyClient, keyRow } from "./api-keys.support";

type Problem = { status: number; code: string; errors?: { path: string; message: string }[] };

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
const url = () => `/api/v1/orgs/${fixture.org.slug}/api-keys`;

beforeAll(async () => {
  fixture = await orgWithTeam("Keys admin");
  await setPlan(fixture.org.id, "pro");
});

describe("creating and listing keys", () => {
  it("returns the secret once; lists show the prefix and last four, never the secret or its hash", async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const created = await createKey(fixture.team.owner, fixture.org.slug, { name: "  Nightly export  ", role: "read_only", expiresAt });
    expect(created.key).toMatch(/^tk_test_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "Nightly export", role: "read_only", prefix: created.key.slice(0, 24), last4: created.key.slice(-4), expiresAt, revokedAt: null, lastUsedAt: null, createdBy: fixture.team.owner.email });

    const list = await client(fixture.team.admin).get<{ data: ApiKeyDto[] }>(url());
    expect(list.status).toBe(200);
    const listed = list.body.data.find((k) => k.id === created.id);
    expect(listed).toEqual({ ...created, key: undefined });
    const text = JSON.stringify(list.body);
    const secret = created.key.slice(25);
    expect(text).not.toContain(secret);
    expect(text).not.toContain((await keyRow(fixture.org.id, created.id)).secretHash);
    expect(text).not.toContain("secretHash");

    const [event] = (await auditEvents(fixture.org.id, "api_key.created")).filter((e) => e.targetId === created.id);
    expect(event).toMatchObject({ actorType: "user", actorId: fixture.team.owner.id, targetType: "api_key", targetLabel: `Nightly export (${created.prefix}…${created.last4})` });
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it("refuses bad input with 400 naming the field, and writes nothing", async () => {
    const api = client(fixture.team.owner);
    const before = (await api.get<{ data: ApiKeyDto[] }>(url())).body.data.length;
    const cases: [unknown, string][] = [
      [{ name: "", role: "read_only" }, "name"],
      [{ name: "x".repeat(101), role: "read_only" }, "name"],
      [{ name: "Owner key", role: "owner" }, "role"],
      [{ name: "Past", role: "read_only", expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt"],
      [{ name: "Far", role: "read_only", expiresAt: "+275760-09-13T00:00:00.000Z" }, "expiresAt"],
      [{ name: "Day", role: "read_only", expiresAt: "2999-01-01" }, "expiresAt"],
    ];
    for (const [body, field] of cases) {
      const res = await api.post<Problem>(url(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors?.map((e) => e.path)).toContain(field);
    }
    expect((await api.get<{ data: ApiKeyDto[] }>(url())).body.data).toHaveLength(before);
  });

  it("is for owners and admins only", async () => {
    for (const role of ["member", "viewer"] as const) {
      const api = client(fixture.team[role]);
      expect((await api.get(url())).status).toBe(403);
      expect((await api.post(url(), { name: "Mine", role: "read_only" })).status).toBe(403);
    }
  });
});

describe("revoking a key", () => {
  it("stops it at once, is audited once, and repeating it changes nothing", async () => {
    const key = await createKey(fixture.team.admin, fixture.org.slug, { name: "Leaked", role: "read_write" });
    const projects = `/api/v1/orgs/${fixture.org.slug}/projects`;
    expect((await keyClient(key.key).get(projects)).status).toBe(200);

    expect((await client(fixture.team.owner).delete(`${url()}/${key.id}`)).status).toBe(204);
    expect((await keyClient(key.key).get(projects)).status).toBe(401);
    expect((await client(fixture.team.owner).delete(`${url()}/${key.id}`)).status).toBe(204);

    const revoked = (await auditEvents(fixture.org.id, "api_key.revoked")).filter((e) => e.targetId === key.id);
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ actorType: "user", actorId: fixture.team.owner.id });
    const listed = (await client(fixture.team.owner).get<{ data: ApiKeyDto[] }>(url())).body.data.find((k) => k.id === key.id);
    expect(listed?.revokedAt).not.toBeNull();
  });

  it("answers 404 for an id no key has", async () => {
    expect((await client(fixture.team.owner).delete(`${url()}/clxxxxxxxxxxxxxxxxxxxxxxx`)).status).toBe(404);
  });
});

describe("isolation", () => {
  it("lets another org's admin neither list nor revoke this org's keys (404), and the key keeps working", async () => {
    const key: CreatedApiKeyDto = await createKey(fixture.team.owner, fixture.org.slug, { name: "Ours", role: "read_only" });
    const other = await orgWithTeam("Keys rival");
    await setPlan(other.org.id, "pro");
    const rival = client(other.team.admin);

    expect((await rival.get(url())).status).toBe(404);
    expect((await rival.delete(`${url()}/${key.id}`)).status).toBe(404);
    expect((await rival.delete(`/api/v1/orgs/${other.org.slug}/api-keys/${key.id}`)).status).toBe(404);
    const theirs = await rival.get<{ data: ApiKeyDto[] }>(`/api/v1/orgs/${other.org.slug}/api-keys`);
    expect(theirs.body.data.map((k) => k.id)).not.toContain(key.id);

    expect((await keyRow(fixture.org.id, key.id)).revokedAt).toBeNull();
    expect((await keyClient(key.key).get(`/api/v1/orgs/${fixture.org.slug}/projects`)).status).toBe(200);
  });

  it("row-level security: other orgs see none of the keys, and a presented key's id reads and touches only that key", async () => {
    const presented = await createKey(fixture.team.owner, fixture.org.slug, { name: "Presented", role: "read_only" });
    const bystander = await createKey(fixture.team.owner, fixture.org.slug, { name: "Bystander", role: "read_only" });
    const publicId = presented.prefix.slice(-16);

    expect(await inOrg("no-such-org", (tx) => tx.apiKey.findMany())).toEqual([]);
    const seen = await scoped({ apiKeyId: publicId }, (tx) => tx.apiKey.findMany({ select: { id: true } }));
    expect(seen).toEqual([{ id: presented.id }]);
    const touched = await scoped({ apiKeyId: publicId }, (tx) => tx.apiKey.updateMany({ data: { revokedAt: new Date() }, where: { id: bystander.id } }));
    expect(touched.count).toBe(0);
    expect((await keyRow(fixture.org.id, bystander.id)).revokedAt).toBeNull();
  });
});
