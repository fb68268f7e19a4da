import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import { eventEnvelope } from "@/lib/webhooks/events";
import type { WebhookEndpointDto } from "@/lib/webhooks/schemas";
import { setPlan } from "../support/billing";
import { orgWithTeam } from "../support/factories";
import { sessionCookie } from "../support/http";
import { importWithEnv } from "../support/import-with-env";
import { startSecondAppServer } from "../support/second-app-server";
import type { AppServer } from "../support/app-server";
import { deliveryRows, registerEndpoint, startReceiver, type Receiver } from "./webhooks.support";

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
let receiver: Receiver;
// The same build and database with private targets refused, as in production. Its worker is
// off: jobs stay with the main test server.
let strict: AppServer;

beforeAll(async () => {
  fixture = await orgWithTeam("Guarded");
  await setPlan(fixture.org.id, "pro");
  receiver = await startReceiver();
  strict = await startSecondAppServer({ WEBHOOKS_ALLOW_PRIVATE_URLS: "off", JOBS_WORKER: "off" });
});

afterAll(async () => {
  await strict?.stop();
  await receiver.close();
});

afterEach(() => vi.unstubAllEnvs());

async function onStrict(method: string, path: string, body: unknown) {
  const res = await fetch(`${strict.baseUrl}/api/v1/orgs/${fixture.org.slug}${path}`, {
    method,
    headers: { cookie: await sessionCookie(fixture.team.owner), "content-type": "application/json", origin: strict.baseUrl },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { code: string; errors?: { path: string; message: string }[] } & Partial<WebhookEndpointDto> };
}

const endpointCount = () => scoped({ orgId: fixture.org.id }, (tx) => tx.webhookEndpoint.count({ where: { orgId: fixture.org.id } }));

describe("with private targets refused", () => {
  it.each([
    ["loopback", () => `http://127.0.0.1:${receiver.port}/hooks`],
    ["a private network", () => "http://10.0.0.1/hooks"],
    ["the cloud metadata address", () => "http://169.254.169.254/latest/meta-data/"],
    ["IPv6 loopback", () => `http://[::1]:${receiver.port}/hooks`],
    ["IPv4-mapped loopback", () => `http://[::ffff:127.0.0.1]:${receiver.port}/hooks`],
    ["loopback written as a number", () => `http://2130706433:${receiver.port}/hooks`],
    ["a name that resolves to loopback", () => `http://localhost:${receiver.port}/hooks`],
  ])("refuses to register %s", async (_what, url) => {
    const before = await endpointCount();
    const res = await onStrict("POST", "/webhooks", { url: url(), eventTypes: ["project.created"] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid_input");
    expect(res.body.errors).toEqual([{ path: "url", message: expect.stringMatching(/private, loopback or otherwise internal/) }]);
    expect(await endpointCount()).toBe(before);
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses to point an existing endpoint at a private address", async () => {
    const endpoint = await registerEndpoint(fixture.team.owner, fixture.org.slug, { url: receiver.url, eventTypes: ["project.created"] });
    const res = await onStrict("PATCH", `/webhooks/${endpoint.id}`, { url: "http://192.168.1.1/hooks" });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.path).toBe("url");
    const unchanged = await onStrict("PATCH", `/webhooks/${endpoint.id}`, { description: "still where it was" });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.url).toBe(receiver.url);
  });

  it("checks the address again at delivery, and sends nothing to one that became private", async () => {
    // Registered where private targets were allowed; by the time it is delivered, they are not
    // (as if the name had been re-pointed at an internal address since registration).
    const endpoint = await registerEndpoint(fixture.team.owner, fixture.org.slug, { url: `http://localhost:${receiver.port}/hooks`, eventTypes: ["project.deleted"] });
    const eventId = "evt_000000000000000000000001";
    const [delivery] = await scoped({ orgId: fixture.org.id }, (tx) =>
      tx.$queryRaw<{ id: string }[]>`
        insert into webhook_deliveries ("orgId", "endpointId", "eventId", "eventType", payload, "updatedAt")
        values (${fixture.org.id}, ${endpoint.id}, ${eventId}, 'project.deleted', ${eventEnvelope(eventId, "project.deleted", fixture.org, { id: "x", name: "x" })}, now())
        returning id`,
    );
    const { deliverWebhook } = await importWithEnv(
      { DATABASE_URL: inject("appDatabaseUrl"), APP_ENV: "test", WEBHOOKS_ALLOW_PRIVATE_URLS: "off", WEBHOOKS_MAX_ATTEMPTS: "1" },
      () => import("@/lib/webhooks/deliver"),
    );
    await deliverWebhook({ orgId: fixture.org.id, deliveryId: delivery!.id }, { id: "1", attempt: 1, maxAttempts: 1, signal: new AbortController().signal });
    const [row] = await deliveryRows(fixture.org.id, endpoint.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1, responseStatus: null });
    expect(row!.error).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private, loopback or otherwise internal address/);
    expect(receiver.received).toHaveLength(0);
  });
});
