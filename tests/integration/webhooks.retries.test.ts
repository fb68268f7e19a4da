import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import { readOutbox } from "@/lib/mail/outbox";
import type { WebhookDeliveryDto, WebhookEndpointDto, WebhookEndpointWithSecretDto } from "@/lib/webhooks/schemas";
import { setPlan } from "../support/billing";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { waitForMail } from "../support/mail";
import { waitFor } from "./billing-sync.support";
import { deliveryRows, endpointRow, registerEndpoint, startReceiver, type Receiver } from "./webhooks.support";

// The test server runs with WEBHOOKS_MAX_ATTEMPTS=3, WEBHOOKS_RETRY_BASE_MS=200,
// WEBHOOKS_DISABLE_AFTER=2 and WEBHOOKS_TIMEOUT_MS=2000 (tests/support/app-server.ts).

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
let receiver: Receiver;
let endpoint: WebhookEndpointWithSecretDto;
const base = () => `/api/v1/orgs/${fixture.org.slug}`;

beforeAll(async () => {
  fixture = await orgWithTeam("Flaky");
  await setPlan(fixture.org.id, "pro");
  receiver = await startReceiver(500);
  endpoint = await registerEndpoint(fixture.team.admin, fixture.org.slug, { url: receiver.url, eventTypes: ["project.created"] });
});

afterAll(() => receiver.close());

const createProject = (name: string) => client(fixture.team.member).post(`${base()}/projects`, { name });
const rows = () => deliveryRows(fixture.org.id, endpoint.id);
const settled = (count: number) =>
  waitFor(rows, (r) => r.length >= count && r.slice(0, count).every((d) => d.status !== "pending"), 20_000, `${count} settled deliveries`);

describe("a receiver that keeps failing", () => {
  it("gets each delivery retried with growing waits, then the delivery gives up", async () => {
    await createProject("Retried");
    // Between the second and third attempts (a window of a second or more), the third is scheduled
    // five times the base after the second failure, give or take the 20% jitter.
    const [first] = await waitFor(rows, (r) => r[0]?.attempts === 2 && r[0].status === "pending", 15_000, "a second attempt, a third scheduled");
    const wait = first!.nextAttemptAt!.getTime() - first!.lastAttemptAt!.getTime();
    expect(wait).toBeGreaterThanOrEqual(800);
    expect(wait).toBeLessThanOrEqual(1200);
    const [delivery] = await settled(1);
    expect(delivery).toMatchObject({ status: "failed", attempts: 3, responseStatus: 500, responseBody: "failing with 500", nextAttemptAt: null });
    expect(delivery!.error).toBe("The receiver answered 500.");

    const attempts = receiver.received.filter((r) => r.headers["webhook-id"] === delivery!.eventId);
    expect(attempts).toHaveLength(3);
    const [gap1, gap2] = [attempts[1]!.at - attempts[0]!.at, attempts[2]!.at - attempts[1]!.at];
    expect(gap1).toBeGreaterThanOrEqual(160);
    expect(gap2).toBeGreaterThanOrEqual(800);
    expect(await endpointRow(fixture.org.id, endpoint.id)).toMatchObject({ consecutiveFailures: 1, disabledAt: null });
  });

  it("is disabled after the second delivery in a row gives up: one email to each owner and admin, one audit event", async () => {
    const before = new Date();
    await createProject("Last straw");
    await settled(2);
    const state = await endpointRow(fixture.org.id, endpoint.id);
    expect(state.consecutiveFailures).toBe(2);
    expect(state.disabledAt).not.toBeNull();
    expect(state.disabledReason).toBe("Disabled after 2 failed deliveries in a row.");

    for (const person of [fixture.team.owner, fixture.team.admin]) {
      const mail = await waitForMail(person.email, /Webhook endpoint disabled/, { after: before });
      expect(mail.text).toContain(receiver.url);
      expect(mail.text).toContain(`/dashboard/${fixture.org.slug}/settings/webhooks/${endpoint.id}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
    for (const person of [fixture.team.owner, fixture.team.admin]) {
      expect((await readOutbox({ to: person.email })).filter((m) => /Webhook endpoint disabled/.test(m.subject))).toHaveLength(1);
    }
    for (const person of [fixture.team.member, fixture.team.viewer]) {
      expect((await readOutbox({ to: person.email })).some((m) => /Webhook endpoint disabled/.test(m.subject))).toBe(false);
    }
    const audit = await scoped({ orgId: fixture.org.id }, (tx) => tx.auditEvent.findMany({ where: { orgId: fixture.org.id, action: "webhook.disabled" } }));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "system", targetId: endpoint.id, targetLabel: receiver.url });

    const listed = await client(fixture.team.admin).get<WebhookEndpointDto>(`${base()}/webhooks/${endpoint.id}`);
    expect(listed.body).toMatchObject({ enabled: false, disabledReason: "Disabled after 2 failed deliveries in a row." });
  });

  it("gets no new deliveries while disabled, and no replay until enabled again", async () => {
    await createProject("Not sent");
    await new Promise((r) => setTimeout(r, 1000));
    expect(await rows()).toHaveLength(2);
    const [first] = await rows();
    const refused = await client(fixture.team.admin).post(`${base()}/webhooks/${endpoint.id}/deliveries/${first!.id}/replay`);
    expect(refused.status).toBe(409);
  });

  it("once enabled and working again, replays a failed delivery to success and starts the failure count afresh", async () => {
    const api = client(fixture.team.owner);
    const enabled = await api.patch<WebhookEndpointDto>(`${base()}/webhooks/${endpoint.id}`, { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
    receiver.state.status = 204;
    const [first] = await rows();
    const replay = await api.post<WebhookDeliveryDto>(`${base()}/webhooks/${endpoint.id}/deliveries/${first!.id}/replay`);
    expect(replay.status).toBe(202);
    const done = await waitFor(rows, (r) => r.find((d) => d.id === replay.body.id)?.status === "succeeded", 10_000, "the replay to succeed");
    expect(done.find((d) => d.id === replay.body.id)).toMatchObject({ attempts: 1, responseStatus: 204, eventId: first!.eventId, replayOfId: first!.id });
  });
});

describe("a receiver that does not answer", () => {
  it("fails the attempt at the timeout and schedules a retry", async () => {
    const silent = await startReceiver();
    silent.state.hang = true;
    try {
      const hook = await registerEndpoint(fixture.team.owner, fixture.org.slug, { url: silent.url, eventTypes: ["project.created"] });
      const test = await client(fixture.team.owner).post<WebhookDeliveryDto>(`${base()}/webhooks/${hook.id}/test`);
      const [row] = await waitFor(() => deliveryRows(fixture.org.id, hook.id), (r) => (r[0]?.attempts ?? 0) >= 1, 15_000, "the first attempt");
      expect(row).toMatchObject({ id: test.body.id, responseStatus: null, error: "No response within 2000 ms." });
      expect(row!.durationMs).toBeGreaterThanOrEqual(1900);
      expect((await client(fixture.team.owner).delete(`${base()}/webhooks/${hook.id}`)).status).toBe(204);
    } finally {
      await silent.close();
    }
  });
});
