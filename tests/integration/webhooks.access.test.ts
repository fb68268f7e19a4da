import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import type { WebhookDeliveryDto, WebhookEndpointDto, WebhookEndpointWithSecretDto } from "@/lib/webhooks/schemas";
import { setPlan } from "../support/billing";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { waitFor } from "./billing-sync.support";
import { createKey, keyClient } from "./api-keys.support";
import { deliveryRows, registerEndpoint, startReceiver, type Receiver } from "./webhooks.support";

let a: Awaited<ReturnType<typeof orgWithTeam>>;
let b: Awaited<ReturnType<typeof orgWithTeam>>;
let receiver: Receiver;
let endpointB: WebhookEndpointWithSecretDto;
let deliveryB: WebhookDeliveryDto;

beforeAll(async () => {
  a = await orgWithTeam("Hook A");
  b = await orgWithTeam("Hook B");
  await setPlan(a.org.id, "pro");
  await setPlan(b.org.id, "pro");
  receiver = await startReceiver();
  endpointB = await registerEndpoint(b.team.owner, b.org.slug, { url: receiver.url, eventTypes: ["project.created"] });
  deliveryB = (await client(b.team.owner).post<WebhookDeliveryDto>(`/api/v1/orgs/${b.org.slug}/webhooks/${endpointB.id}/test`)).body;
  await waitFor(() => deliveryRows(b.org.id, endpointB.id), (r) => r[0]?.status === "succeeded", 10_000, "org B's delivery");
});

afterAll(() => receiver.close());

/** Every webhook route for `endpointId` and `deliveryId` under `slug`. */
function everyRoute(slug: string, endpointId: string, deliveryId: string) {
  const root = `/api/v1/orgs/${slug}/webhooks`;
  return [
    ["GET", root, undefined],
    ["POST", root, { url: "https://example.com/hooks", eventTypes: ["project.created"] }],
    ["GET", `${root}/${endpointId}`, undefined],
    ["PATCH", `${root}/${endpointId}`, { description: "Hijacked" }],
    ["DELETE", `${root}/${endpointId}`, undefined],
    ["POST", `${root}/${endpointId}/rotate-secret`, undefined],
    ["POST", `${root}/${endpointId}/test`, undefined],
    ["GET", `${root}/${endpointId}/deliveries`, undefined],
    ["GET", `${root}/${endpointId}/deliveries/${deliveryId}`, undefined],
    ["POST", `${root}/${endpointId}/deliveries/${deliveryId}/replay`, undefined],
  ] as const;
}

describe("tenant isolation", () => {
  it("gives an owner of org A 404 for org B's endpoint and delivery, by B's slug or through A's", async () => {
    const api = client(a.team.owner);
    for (const [method, path, body] of [...everyRoute(b.org.slug, endpointB.id, deliveryB.id), ...everyRoute(a.org.slug, endpointB.id, deliveryB.id).slice(2)]) {
      const res = await api.request(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(receiver.url);
    }
    const endpoints = await client(b.team.owner).get<{ data: WebhookEndpointDto[] }>(`/api/v1/orgs/${b.org.slug}/webhooks`);
    expect(endpoints.body.data.map((e) => e.description)).toEqual([""]);
    expect(await deliveryRows(b.org.id, endpointB.id)).toHaveLength(1);
  });

  it("keeps org B's endpoints out of org A's transactions, even without a filter", async () => {
    const seen = await scoped({ orgId: a.org.id }, (tx) => tx.$queryRaw<{ id: string }[]>`select id from webhook_endpoints union all select id from webhook_deliveries`);
    expect(seen.map((r) => r.id)).not.toContain(endpointB.id);
    expect(seen.map((r) => r.id)).not.toContain(deliveryB.id);
  });
});

describe("permissions", () => {
  it("lets owners and admins manage webhooks, and refuses members, viewers and API keys with 403", async () => {
    const readOnly = await createKey(a.team.owner, a.org.slug, { name: "Reader", role: "read_only" });
    const readWrite = await createKey(a.team.owner, a.org.slug, { name: "Writer", role: "read_write" });
    const mine = await registerEndpoint(a.team.admin, a.org.slug, { url: receiver.url, eventTypes: ["member.joined"] });
    const callers = [client(a.team.member), client(a.team.viewer), keyClient(readOnly.key), keyClient(readWrite.key)];
    for (const api of callers) {
      for (const [method, path, body] of everyRoute(a.org.slug, mine.id, "0".repeat(32))) {
        const res = method === "GET" ? await api.get(path) : method === "POST" ? await api.post(path, body) : method === "PATCH" ? await api.patch(path, body) : await api.delete(path);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    }
    expect((await client(a.team.admin).get(`/api/v1/orgs/${a.org.slug}/webhooks/${mine.id}`)).status).toBe(200);
  });

  it("needs a plan with API access to add an endpoint", async () => {
    const free = await orgWithTeam("Hook Free");
    const res = await client(free.team.owner).post<{ code: string; requiredPlan: string }>(`/api/v1/orgs/${free.org.slug}/webhooks`, { url: receiver.url, eventTypes: ["project.created"] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "feature_unavailable", requiredPlan: "pro" });
  });
});

describe("an org whose plan loses API access", () => {
  it("gets nothing delivered, and the endpoint is not blamed for it", async () => {
    const lapsed = await orgWithTeam("Hook Lapsed");
    await setPlan(lapsed.org.id, "pro");
    const hook = await registerEndpoint(lapsed.team.owner, lapsed.org.slug, { url: receiver.url, eventTypes: ["project.created"] });
    await setPlan(lapsed.org.id, "free");
    const before = receiver.received.length;
    expect((await client(lapsed.team.owner).post(`/api/v1/orgs/${lapsed.org.slug}/projects`, { name: "Unsent" })).status).toBe(201);
    const [row] = await waitFor(() => deliveryRows(lapsed.org.id, hook.id), (r) => r[0]?.status === "failed", 10_000, "the delivery to be dropped");
    expect(row).toMatchObject({ attempts: 0, error: "Webhooks are not part of the Free plan." });
    expect(receiver.received).toHaveLength(before);
    const endpoint = await client(lapsed.team.owner).get<WebhookEndpointDto>(`/api/v1/orgs/${lapsed.org.slug}/webhooks/${hook.id}`);
    expect(endpoint.body).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });
});

describe("the signing secret", () => {
  it("is returned at creation and rotation only, and request transactions cannot read it", async () => {
    const api = client(b.team.owner);
    const one = await api.get<WebhookEndpointDto>(`/api/v1/orgs/${b.org.slug}/webhooks/${endpointB.id}`);
    const list = await api.get(`/api/v1/orgs/${b.org.slug}/webhooks`);
    const patched = await api.patch(`/api/v1/orgs/${b.org.slug}/webhooks/${endpointB.id}`, { description: "renamed" });
    for (const res of [one, list, patched]) expect(JSON.stringify(res.body)).not.toContain("whsec_");
    expect(endpointB.secret).toMatch(/^whsec_/);
    await expect(scoped({ orgId: b.org.id }, (tx) => tx.$queryRaw`select secret from webhook_endpoints`)).rejects.toThrow(/permission denied/);
  });

  it("is refused with 400 for bad input, leaving nothing behind", async () => {
    const api = client(a.team.owner);
    const root = `/api/v1/orgs/${a.org.slug}/webhooks`;
    for (const body of [
      { url: "ftp://example.com/", eventTypes: ["project.created"] },
      { url: "https://user:pw@example.com/", eventTypes: ["project.created"] },
      { url: "https://example.com/", eventTypes: [] },
      { url: "https://example.com/", eventTypes: ["project.exploded"] },
    ]) {
      const res = await api.post<{ code: string }>(root, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe("invalid_input");
    }
    const invalidId = await api.get(`${root}/not-an-id`);
    expect(invalidId.status).toBe(400);
  });
});
