import { firstItem, type Json, MONTH, now, StripeFailure } from "./common";
import type { InvoiceBook } from "./invoices";

/**
 * What Stripe does to a subscription over time, as the test-control API and the dev page trigger
 * it: payments failing and succeeding, renewals, the end of a trial, the end of a cancelled
 * subscription. Each returns the events Stripe would send, in the order it sends them.
 */

export type LifecycleContext = {
  getSubscription(id: string): Json;
  invoices: InvoiceBook;
  emit(type: string, object: Json, previous?: Json): Json;
};

type Outcome = { subscription: Json; events: Json[] };

const owes = new Set(["past_due", "unpaid"]);

export function createLifecycle({ getSubscription, invoices, emit }: LifecycleContext) {
  function setStatus(subscription: Json, status: string, events: Json[]) {
    if (subscription.status === status) return;
    const previous = { status: subscription.status };
    subscription.status = status;
    events.push(emit("customer.subscription.updated", subscription, previous));
  }

  function end(subscription: Json): Outcome {
    Object.assign(subscription, { status: "canceled", canceled_at: subscription.canceled_at ?? now(), ended_at: now() });
    return { subscription, events: [emit("customer.subscription.deleted", subscription)] };
  }

  function live(id: string): Json {
    const subscription = getSubscription(id);
    if (subscription.status === "canceled") throw new StripeFailure(400, "invalid_request_error", `Subscription ${id} is canceled.`);
    return subscription;
  }

  const lifecycle = {
    end,

    /** A charge fails: the invoice stays open and the subscription goes past_due until it is paid. */
    failPayment(id: string): Outcome {
      const subscription = live(id);
      const events: Json[] = [];
      const open = invoices.openFor(id);
      if (open) invoices.markFailedAttempt(open);
      const invoice = open ?? invoices.charge(subscription, false);
      events.push(emit("invoice.payment_failed", invoice));
      setStatus(subscription, "past_due", events);
      return { subscription, events };
    },

    /** The open invoice is paid (a retry succeeds, or the customer pays it on its hosted page). */
    payInvoice(invoiceId: string): Outcome {
      const invoice = invoices.get(invoiceId);
      const subscriptionId = String((invoice.parent as { subscription_details: Json }).subscription_details.subscription);
      const subscription = getSubscription(subscriptionId);
      invoices.markPaid(invoice);
      const events = [emit("invoice.paid", invoice)];
      if (owes.has(String(subscription.status)) && !invoices.openFor(subscriptionId)) setStatus(subscription, "active", events);
      return { subscription, events };
    },

    /** A payment for the current period: pays the open invoice if there is one, else bills anew. */
    charge(id: string, paid: boolean): Outcome {
      if (!paid) return lifecycle.failPayment(id);
      const open = invoices.openFor(id);
      if (open) return lifecycle.payInvoice(String(open.id));
      const subscription = live(id);
      const invoice = invoices.charge(subscription, true);
      const events = [emit("invoice.paid", invoice)];
      if (owes.has(String(subscription.status))) setStatus(subscription, "active", events);
      return { subscription, events };
    },

    /**
     * The current period (or the trial) ends. A subscription set to cancel at period end ends;
     * any other starts a new period and is billed for it, a trial turning into a paid subscription.
     */
    renew(id: string, paid: boolean): Outcome {
      const subscription = live(id);
      if (subscription.cancel_at_period_end) return end(subscription);
      const item = firstItem(subscription);
      const previousPeriod = { start: Number(item.current_period_start), end: Number(item.current_period_end) };
      const previous: Json = { items: structuredClone(subscription.items) };
      item.current_period_start = previousPeriod.end;
      item.current_period_end = previousPeriod.end + MONTH;
      const before = subscription.status;
      subscription.status = paid ? "active" : "past_due";
      if (before !== subscription.status) previous.status = before;
      const events = [emit("customer.subscription.updated", subscription, previous)];
      const invoice = invoices.cycle(subscription, paid, previousPeriod);
      events.push(emit(paid ? "invoice.paid" : "invoice.payment_failed", invoice));
      return { subscription, events };
    },

    /** Stripe's three-days-before notice; the trial itself ends with `renew`. */
    trialWillEnd(id: string): Outcome {
      const subscription = live(id);
      if (subscription.status !== "trialing") throw new StripeFailure(400, "invalid_request_error", `Subscription ${id} is ${String(subscription.status)}, not trialing.`);
      return { subscription, events: [emit("customer.subscription.trial_will_end", subscription)] };
    },
  };
  return lifecycle;
}
