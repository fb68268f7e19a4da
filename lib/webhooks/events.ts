import { z } from "zod";

/**
 * The events an org can subscribe an endpoint to, and the `data` each carries. The body
 * POSTed is `{ id, type, timestamp, org: { id, slug }, data }` (see `eventEnvelope`); these
 * schemas are checked when an event is emitted, so what receivers get is what the README says.
 */
const project = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const member = z.object({ userId: z.string(), email: z.string(), role: z.string() });

export const WEBHOOK_EVENTS = {
  "project.created": { description: "A project was created.", data: project },
  "project.updated": { description: "A project's name, description or status changed.", data: project },
  "project.deleted": { description: "A project was deleted.", data: project.pick({ id: true, name: true }) },
  "member.joined": { description: "Someone became a member (an invitation was accepted).", data: member },
  "member.left": {
    description: "A member left, was removed, or deleted their account.",
    data: member.extend({ reason: z.enum(["left", "removed"]) }),
  },
  "subscription.changed": {
    description: "The subscription's plan, status, seats or scheduled cancellation changed.",
    data: z.object({
      plan: z.string(),
      status: z.string(),
      seats: z.number().int(),
      cancelAtPeriodEnd: z.boolean(),
      currentPeriodEnd: z.iso.datetime().nullable(),
    }),
  },
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export type WebhookEventData<T extends WebhookEventType> = z.input<(typeof WEBHOOK_EVENTS)[T]["data"]>;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

/** Sent only by "Send test event", to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]], {
  error: `must be one of ${WEBHOOK_EVENT_TYPES.join(", ")}`,
});

export type EventOrg = { id: string; slug: string };

/** The JSON body of one event, serialised once: every attempt and replay sends these exact bytes. */
export function eventEnvelope(id: string, type: string, org: EventOrg, data: unknown, at = new Date()): string {
  return JSON.stringify({ id, type, timestamp: at.toISOString(), org: { id: org.id, slug: org.slug }, data });
}
