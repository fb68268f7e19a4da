import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/tenant-transaction";
import { enqueue } from "@/lib/jobs/enqueue";
import { eventEnvelope, WEBHOOK_EVENTS, type EventOrg, type WebhookEventData, type WebhookEventType } from "./events";

/** `evt_` + 24 hex digits: the `webhook-id` receivers deduplicate on. */
export const newEventId = () => `evt_${randomBytes(12).toString("hex")}`;

/** Queues the first attempt of a delivery in the caller's transaction; one job per delivery at a time. */
export function queueDelivery(tx: Tx, orgId: string, deliveryId: string, runAt?: Date): Promise<string> {
  return enqueue(tx, "webhook_deliver", { orgId, deliveryId }, { jobKey: `webhook-delivery:${deliveryId}`, runAt });
}

/**
 * Emits a domain event to the org's webhooks, in the transaction of the change it reports
 * (scoped to `org`): one delivery row per enabled endpoint subscribed to `type`, and a job for
 * each, so nothing is sent for a change that rolls back and nothing is lost for one that
 * commits. An org without such endpoints pays one indexed `insert … select` that inserts
 * nothing. Returns how many deliveries were queued.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(tx: Tx, org: EventOrg, type: T, data: WebhookEventData<T>): Promise<number> {
  const id = newEventId();
  const body = eventEnvelope(id, type, org, WEBHOOK_EVENTS[type].data.parse(data));
  const rows = await tx.$queryRaw<{ id: string }[]>`
    insert into webhook_deliveries ("orgId", "endpointId", "eventId", "eventType", payload, "nextAttemptAt", "updatedAt")
    select e."orgId", e.id, ${id}, ${type}, ${body}, now(), now()
    from webhook_endpoints e
    where e."orgId" = ${org.id} and e."disabledAt" is null and ${type} = any(e."eventTypes")
    returning id`;
  for (const row of rows) await queueDelivery(tx, org.id, row.id);
  return rows.length;
}
