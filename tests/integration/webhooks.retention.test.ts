import { beforeAll, describe, expect, it } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import { purgeDeliveries } from "@/lib/webhooks/purge";
import { setPlan } from "../support/billing";
import { orgWithTeam } from "../support/factories";
import { deliveryRows, registerEndpoint } from "./webhooks.support";

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
let endpointId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  fixture = await orgWithTeam("Hook Log");
  await setPlan(fixture.org.id, "pro");
  // Never delivered to: the deliveries below are written directly, with no job.
  endpointId = (await registerEndpoint(fixture.team.owner, fixture.org.slug, { url: "http://127.0.0.1:9/hooks", eventTypes: ["project.created"] })).id;
});

async function addDelivery(eventId: string, status: "pending" | "succeeded" | "failed", ageDays: number) {
  const orgId = fixture.org.id;
  await scoped({ orgId }, (tx) =>
    tx.webhookDelivery.create({ data: { orgId, endpointId, eventId, eventType: "project.created", payload: "{}", status, createdAt: new Date(Date.now() - ageDays * DAY) } }),
  );
}

describe("the delivery log", () => {
  it("forgets deliveries past the retention period, except those still waiting for an attempt", async () => {
    await addDelivery("evt_old_succeeded", "succeeded", 31);
    await addDelivery("evt_old_failed", "failed", 45);
    await addDelivery("evt_old_pending", "pending", 40);
    await addDelivery("evt_recent_failed", "failed", 29);

    expect(await purgeDeliveries(30)).toBeGreaterThanOrEqual(2);
    const kept = (await deliveryRows(fixture.org.id, endpointId)).map((d) => d.eventId).sort();
    expect(kept).toEqual(["evt_old_pending", "evt_recent_failed"]);
  });

  it("cannot be purged by a request transaction", async () => {
    await expect(scoped({ orgId: fixture.org.id }, (tx) => tx.$queryRaw`select app_purge_webhook_deliveries(1)`)).rejects.toThrow(/permission denied/);
    expect(await deliveryRows(fixture.org.id, endpointId)).toHaveLength(2);
  });
});
