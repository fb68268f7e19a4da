import { describe, expect, it } from "vitest";
import { eventSchema, subscriptionIdOf } from "./webhook-event";

const event = (type: string, object: Record<string, unknown>) => eventSchema.parse({ id: "evt_1", type, data: { object } });

describe("the subscription an event is about", () => {
  it("is read from where API version 2026-10-28 puts it for each handled type", () => {
    expect(subscriptionIdOf(event("customer.subscription.updated", { id: "sub_1", object: "subscription" }))).toBe("sub_1");
    expect(subscriptionIdOf(event("customer.subscription.trial_will_end", { id: "sub_2" }))).toBe("sub_2");
    expect(subscriptionIdOf(event("checkout.session.completed", { subscription: "sub_3" }))).toBe("sub_3");
    expect(subscriptionIdOf(event("checkout.session.completed", { subscription: { id: "sub_4", object: "subscription" } }))).toBe("sub_4");
    expect(subscriptionIdOf(event("invoice.paid", { parent: { subscription_details: { subscription: "sub_5" } } }))).toBe("sub_5");
  });

  it("is none for one-off payments, invoices outside subscriptions and unhandled types", () => {
    expect(subscriptionIdOf(event("checkout.session.completed", { subscription: null }))).toBeNull();
    expect(subscriptionIdOf(event("invoice.payment_failed", { parent: null }))).toBeNull();
    expect(subscriptionIdOf(event("invoice.paid", { parent: { subscription_details: null } }))).toBeNull();
    expect(subscriptionIdOf(event("customer.created", { id: "cus_1" }))).toBeNull();
  });

  it("refuses a handled event whose object lacks the shape, and ids that are not Stripe's", () => {
    expect(() => subscriptionIdOf(event("customer.subscription.deleted", { id: "cus_1" }))).toThrow();
    expect(() => subscriptionIdOf(event("invoice.paid", { subscription: "sub_1" }))).toThrow();
    expect(eventSchema.safeParse({ id: "1; drop table", type: "x", data: { object: {} } }).success).toBe(false);
    expect(eventSchema.safeParse({ id: "evt_1", type: "x", data: {} }).success).toBe(false);
  });
});
