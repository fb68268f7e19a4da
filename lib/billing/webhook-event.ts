import { z } from "zod";

/** Handled events; any other type is recorded and acknowledged so Stripe stops sending it. */
export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "customer.subscription.trial_will_end",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,250}$`));
/** Stripe sends an id, or the object when it was expanded. */
const ref = (prefix: string) => z.union([id(prefix), z.object({ id: id(prefix) }).transform((o) => o.id)]);

export const eventSchema = z.object({
  id: id("evt"),
  type: z.string().min(1).max(200),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type WebhookEvent = z.infer<typeof eventSchema>;

const subscriptionObject = z.object({ id: id("sub") });
const checkoutSession = z.object({ subscription: ref("sub").nullable() });
// From API version 2025-03-31 an invoice names its subscription under `parent`.
const invoice = z.object({
  parent: z.object({ subscription_details: z.object({ subscription: ref("sub") }).nullable() }).nullable(),
});

/**
 * The subscription an event is about, or null when it is about none (a one-off payment) or its
 * type is not handled. The handler fetches that subscription from Stripe rather than trusting
 * the event's copy, which may be older than one already applied. Throws (a 400) on a handled
 * event whose payload does not have the shape the pinned API version gives it.
 */
export function subscriptionIdOf(event: WebhookEvent): string | null {
  const object = event.data.object;
  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
    case "customer.subscription.trial_will_end":
      return subscriptionObject.parse(object).id;
    case "checkout.session.completed":
      return checkoutSession.parse(object).subscription;
    case "invoice.paid":
    case "invoice.payment_failed":
      return invoice.parse(object).parent?.subscription_details?.subscription ?? null;
    default:
      return null;
  }
}
