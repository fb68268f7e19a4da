import { WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/webhooks/events";
import type { WebhookDeliveryDto } from "@/lib/webhooks/schemas";
import type { BadgeTone } from "@/components/ui/badge";

/** The event checkboxes, grouped as the form shows them. */
export const EVENT_GROUPS: { label: string; events: WebhookEventType[] }[] = [
  { label: "Projects", events: ["project.created", "project.updated", "project.deleted"] },
  { label: "Members", events: ["member.joined", "member.left"] },
  { label: "Billing", events: ["subscription.changed"] },
];

export const eventDescription = (type: WebhookEventType) => WEBHOOK_EVENTS[type].description;

export function deliveryStatus(delivery: Pick<WebhookDeliveryDto, "status" | "attempts">): { label: string; tone: BadgeTone } {
  if (delivery.status === "succeeded") return { label: "Delivered", tone: "green" };
  if (delivery.status === "failed") return { label: "Failed", tone: "amber" };
  return delivery.attempts === 0 ? { label: "Queued", tone: "sky" } : { label: "Retrying", tone: "sky" };
}
