import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import type { OrgContext } from "@/lib/orgs/context";
import { createProject } from "@/lib/projects/service";
import type { ProjectDto } from "@/lib/projects/schemas";
import type { WebhookDeliveryDetail, WebhookDeliveryDto, WebhookDeliveryPage, WebhookEndpointWithSecretDto } from "@/lib/webhooks/schemas";
import { setPlan } from "../support/billing";
import { addMember, createUser, orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { subscribePro, waitFor } from "./billing-sync.support";
import { invite, tokenFromEmail } from "./invitations.support";
import { deliveryRows, eventOf, registerEndpoint, startReceiver, type Receiver } from "./webhooks.support";

/**
 * What a receiver written from the Standard Webhooks spec checks, independently of the app's
 * code: HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>" with the base64-decoded
 * secret after "whsec_", any of the space-separated "v1,<base64>" entries matching in constant
 * time, and a timestamp within five minutes.
 */
function verifiedBySpec(secret: string, headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const id = String(headers["webhook-id"]);
  const timestamp = Number(headers["webhook-timestamp"]);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
  const expected = createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64")).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((entry) => {
      const [version, value = ""] = entry.split(",");
      const presented = Buffer.from(value, "base64");
      return version === "v1" && presented.length === expected.length && timingSafeEqual(presented, expected);
    });
}

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
let receiver: Receiver;
let endpoint: WebhookEndpointWithSecretDto;
const base = () => `/api/v1/orgs/${fixture.org.slug}`;

beforeAll(async () => {
  fixture = await orgWithTeam("Hooked");
  await setPlan(fixture.org.id, "pro");
  receiver = await startReceiver();
  endpoint = await registerEndpoint(fixture.team.admin, fixture.org.slug, {
    url: receiver.url,
    description: "Everything",
    eventTypes: ["project.created", "project.updated", "project.deleted", "member.joined", "member.left"],
  });
});

afterAll(() => receiver.close());

const arrived = (type: string, count = 1) => waitFor(async () => receiver.ofType(type), (r) => r.length >= count, 15_000, `${count} ${type} request(s)`);

describe("a registered endpoint", () => {
  it("gets each project event as signed JSON, verified by the standardwebhooks library and by the spec", async () => {
    const api = client(fixture.team.member);
    const created = await api.post<ProjectDto>(`${base()}/projects`, { name: "Hooked launch", description: "First" });
    expect(created.status).toBe(201);
    await api.patch(`${base()}/projects/${created.body.id}`, { status: "paused" });
    await api.delete(`${base()}/projects/${created.body.id}`);

    const [createdReq] = await arrived("project.created");
    const [updatedReq] = await arrived("project.updated");
    const [deletedReq] = await arrived("project.deleted");
    for (const request of [createdReq!, updatedReq!, deletedReq!]) {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["webhook-id"]).toMatch(/^evt_[0-9a-f]{24}$/);
      expect(verifiedBySpec(endpoint.secret, request.headers, request.body)).toBe(true);
      const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
      expect(new Webhook(endpoint.secret).verify(request.body, headers)).toEqual(JSON.parse(request.body));
      expect(verifiedBySpec(endpoint.secret, request.headers, request.body.replace("Hooked", "Hacked"))).toBe(false);
      expect(eventOf(request).id).toBe(request.headers["webhook-id"]);
      expect(eventOf(request).org).toEqual({ id: fixture.org.id, slug: fixture.org.slug });
    }
    expect(eventOf(createdReq).data).toEqual({
      id: created.body.id,
      name: "Hooked launch",
      description: "First",
      status: "active",
      createdAt: created.body.createdAt,
      updatedAt: created.body.updatedAt,
    });
    expect(eventOf(updatedReq).data).toMatchObject({ id: created.body.id, status: "paused" });
    expect(eventOf(deletedReq).data).toEqual({ id: created.body.id, name: "Hooked launch" });
  });

  it("gets member.joined when an invitation is accepted, and member.left when someone is removed, leaves or deletes their account", async () => {
    const joiner = await createUser("Hook Joiner");
    expect((await invite(fixture.team.owner, fixture.org.slug, [joiner.email], "viewer")).status).toBe(201);
    const token = await tokenFromEmail(joiner.email);
    expect((await client(joiner).post("/api/v1/invitations/accept", { token })).status).toBe(200);
    const [joined] = await arrived("member.joined");
    expect(eventOf(joined).data).toEqual({ userId: joiner.id, email: joiner.email, role: "viewer" });

    expect((await client(fixture.team.admin).delete(`${base()}/members/${joiner.id}`)).status).toBe(204);
    const leaver = await createUser("Hook Leaver");
    await addMember(fixture.org.id, leaver.id, "member");
    expect((await client(leaver).delete(`${base()}/members/${leaver.id}`)).status).toBe(204);
    const deleter = await createUser("Hook Deleter");
    await addMember(fixture.org.id, deleter.id, "viewer");
    expect((await client(deleter).delete("/api/v1/me", { body: { confirmEmail: deleter.email } })).status).toBe(200);
    const left = await arrived("member.left", 3);
    expect(left.map((r) => eventOf(r).data)).toEqual(
      expect.arrayContaining([
        { userId: joiner.id, email: joiner.email, role: "viewer", reason: "removed" },
        { userId: leaver.id, email: leaver.email, role: "member", reason: "left" },
        { userId: deleter.id, email: deleter.email, role: "viewer", reason: "left" },
      ]),
    );
  });

  it("sends nothing for a write that rolls back", async () => {
    const before = (await deliveryRows(fixture.org.id, endpoint.id)).length;
    const ctx: OrgContext = { org: fixture.org, role: "owner", actor: { type: "user", userId: fixture.team.owner.id, label: fixture.team.owner.email }, request: {} };
    await expect(
      scoped({ orgId: fixture.org.id }, async (tx) => {
        await createProject(ctx, tx, { name: "Rolled back", description: "", status: "active" });
        expect(await tx.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(before + 1);
        throw new Error("the change fails after the event was emitted");
      }),
    ).rejects.toThrow("the change fails");
    await new Promise((r) => setTimeout(r, 1500));
    expect(await deliveryRows(fixture.org.id, endpoint.id)).toHaveLength(before);
    expect(receiver.received.some((r) => r.body.includes("Rolled back"))).toBe(false);
  });

  it("does not send events the endpoint did not subscribe to, nor to a disabled endpoint", async () => {
    const other = await startReceiver();
    try {
      const onlyDeletes = await registerEndpoint(fixture.team.owner, fixture.org.slug, { url: other.url, eventTypes: ["project.deleted"] });
      const off = await registerEndpoint(fixture.team.owner, fixture.org.slug, { url: other.url, eventTypes: ["project.created"] });
      expect((await client(fixture.team.owner).patch(`${base()}/webhooks/${off.id}`, { enabled: false })).status).toBe(200);
      await client(fixture.team.owner).post(`${base()}/projects`, { name: "Unheard" });
      await arrived("project.created", 2);
      await new Promise((r) => setTimeout(r, 1500));
      expect(other.received).toHaveLength(0);
      expect(await deliveryRows(fixture.org.id, onlyDeletes.id)).toHaveLength(0);
      expect(await deliveryRows(fixture.org.id, off.id)).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("logs each delivery with request, response and latency, and replays one with the same event id", async () => {
    const api = client(fixture.team.admin);
    const page = await waitFor(
      async () => (await api.get<WebhookDeliveryPage>(`${base()}/webhooks/${endpoint.id}/deliveries?status=succeeded&limit=2`)).body,
      (p) => p.data.length === 2 && p.nextCursor !== null,
      10_000,
      "two succeeded deliveries",
    );
    const next = await api.get<WebhookDeliveryPage>(`${base()}/webhooks/${endpoint.id}/deliveries?status=succeeded&limit=2&cursor=${page.nextCursor}`);
    expect(next.body.data.map((d) => d.id)).not.toEqual(expect.arrayContaining(page.data.map((d) => d.id)));

    const [latest] = page.data;
    const detail = await api.get<WebhookDeliveryDetail>(`${base()}/webhooks/${endpoint.id}/deliveries/${latest!.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, error: null });
    expect(detail.body.durationMs).toBeGreaterThanOrEqual(0);
    expect(detail.body.request.url).toBe(receiver.url);
    expect(detail.body.request.headers?.["webhook-id"]).toBe(latest!.eventId);
    expect(JSON.parse(detail.body.request.body)).toMatchObject({ id: latest!.eventId, type: latest!.eventType });
    expect(detail.body.response).toEqual({ headers: expect.objectContaining({ "x-receiver": "test" }), body: "ok" });

    const count = receiver.received.length;
    const replay = await api.post<WebhookDeliveryDto>(`${base()}/webhooks/${endpoint.id}/deliveries/${latest!.id}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ eventId: latest!.eventId, replayOfId: latest!.id, status: "pending", attempts: 0 });
    await waitFor(async () => receiver.received.length, (n) => n > count, 10_000, "the replay");
    const again = receiver.received.at(-1)!;
    expect(again.headers["webhook-id"]).toBe(latest!.eventId);
    expect(again.body).toBe(detail.body.request.body);
    expect(verifiedBySpec(endpoint.secret, again.headers, again.body)).toBe(true);
  });

  it("sends a test event on request, signed with a rotated secret from then on", async () => {
    const api = client(fixture.team.owner);
    const rotated = await api.post<WebhookEndpointWithSecretDto>(`${base()}/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const test = await api.post<WebhookDeliveryDto>(`${base()}/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    const [request] = await arrived("webhook.test");
    expect(eventOf(request).data).toMatchObject({ endpointId: endpoint.id });
    expect(verifiedBySpec(rotated.body.secret, request!.headers, request!.body)).toBe(true);
    expect(verifiedBySpec(endpoint.secret, request!.headers, request!.body)).toBe(false);
  });
});

describe("subscription.changed", () => {
  it("is sent when Stripe's subscription changes the org's plan or status", async () => {
    const billed = await orgWithTeam("Billed hook");
    // Webhooks come with API access; stored here directly, so the checkout below is the change.
    await setPlan(billed.org.id, "pro");
    const billing = await startReceiver();
    try {
      await registerEndpoint(billed.team.owner, billed.org.slug, { url: billing.url, eventTypes: ["subscription.changed"] });
      const subscriptionId = await subscribePro(billed.team.owner, billed.org.slug);
      const [request] = await waitFor(async () => billing.ofType("subscription.changed"), (r) => r.length >= 1, 15_000, "subscription.changed");
      expect(eventOf(request).org.slug).toBe(billed.org.slug);
      expect(eventOf(request).data).toMatchObject({ plan: "pro", seats: 4, cancelAtPeriodEnd: false });
      expect(["active", "trialing"]).toContain(eventOf(request).data.status);
      expect(subscriptionId).toMatch(/^sub_/);
    } finally {
      await billing.close();
    }
  });
});
