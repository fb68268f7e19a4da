import { firstItem, type Json, missing, newId, now, StripeFailure } from "./common";

/**
 * Invoices as the local Stripe stand-in keeps them: real objects with Stripe's 2026-10-28 shape
 * (the subscription under `parent.subscription_details`, lines priced through `pricing.price_details`),
 * listed newest first, each with a hosted page and a PDF the stand-in serves itself.
 *
 * Like Stripe, a seat change with `create_prorations` leaves pending proration lines that the
 * next invoice (and the preview of it) picks up; `always_invoice` bills them at once.
 */

export type BillingReason = "subscription_create" | "subscription_cycle" | "subscription_update" | "manual";
type Line = { description: string; amount: number; quantity: number; start: number; end: number; proration: boolean };

export type InvoiceBook = ReturnType<typeof createInvoiceBook>;

export function createInvoiceBook(baseUrl: () => string, customerOf: (id: string) => Json | undefined) {
  const invoices = new Map<string, Json>();
  /** Subscription id → proration lines waiting for the next invoice. */
  const pending = new Map<string, Line[]>();
  let sequence = 0;

  function lineObject(invoiceId: string | null, subscription: Json, line: Line): Json {
    const item = firstItem(subscription);
    const price = item.price as Json;
    return {
      id: newId("il"),
      object: "line_item",
      amount: line.amount,
      currency: "usd",
      description: line.description,
      discount_amounts: [],
      discountable: !line.proration,
      discounts: [],
      invoice: invoiceId,
      livemode: false,
      metadata: {},
      parent: {
        type: "subscription_item_details",
        invoice_item_details: null,
        subscription_item_details: { invoice_item: null, proration: line.proration, proration_details: { credited_items: null }, subscription: subscription.id, subscription_item: item.id },
      },
      period: { start: line.start, end: line.end },
      pretax_credit_amounts: [],
      pricing: { type: "price_details", price_details: { price: price.id, product: price.product }, unit_amount_decimal: String(price.unit_amount) },
      quantity: line.quantity,
      subtotal: line.amount,
      taxes: [],
    };
  }

  /** The full-period charge for the seats the subscription has now, over [start, end). */
  function periodLine(subscription: Json, start: number, end: number, amountOverride?: number): Line {
    const item = firstItem(subscription);
    const quantity = Number(item.quantity);
    const unit = Number((item.price as Json).unit_amount);
    return { description: `${quantity} × Pro seat (at $${(unit / 100).toFixed(2)} / month)`, amount: amountOverride ?? unit * quantity, quantity, start, end, proration: false };
  }

  function invoiceObject(id: string, subscription: Json, lines: Line[], options: { reason: BillingReason; status: "draft" | "open" | "paid"; periodStart: number; periodEnd: number }): Json {
    const created = now();
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    const amountDue = Math.max(total, 0);
    const paid = options.status === "paid";
    const customer = customerOf(String(subscription.customer));
    const preview = options.status === "draft";
    return {
      id,
      object: "invoice",
      account_country: "US",
      account_name: "Local Stripe stand-in (test mode)",
      amount_due: amountDue,
      amount_overpaid: 0,
      amount_paid: paid ? amountDue : 0,
      amount_remaining: paid ? 0 : amountDue,
      amount_shipping: 0,
      application: null,
      attempt_count: preview ? 0 : 1,
      attempted: !preview,
      auto_advance: !paid,
      automatic_tax: { enabled: false, disabled_reason: null, liability: null, provider: null, status: null },
      billing_reason: options.reason,
      collection_method: "charge_automatically",
      created,
      currency: "usd",
      customer: subscription.customer,
      customer_email: customer?.email ?? null,
      customer_name: customer?.name ?? null,
      description: null,
      due_date: null,
      effective_at: preview ? null : created,
      ending_balance: preview ? null : 0,
      hosted_invoice_url: preview ? null : `${baseUrl()}/invoices/${id}`,
      invoice_pdf: preview ? null : `${baseUrl()}/invoices/${id}/pdf`,
      lines: { object: "list", data: lines.map((line) => lineObject(preview ? null : id, subscription, line)), has_more: false, url: `/v1/invoices/${id}/lines` },
      livemode: false,
      metadata: {},
      next_payment_attempt: preview ? options.periodEnd : options.status === "open" ? created + 3 * 86_400 : null,
      number: preview ? null : `LOCAL-${String(++sequence).padStart(4, "0")}`,
      parent: { type: "subscription_details", quote_details: null, subscription_details: { subscription: subscription.id, metadata: subscription.metadata } },
      period_end: options.periodEnd,
      period_start: options.periodStart,
      starting_balance: 0,
      status: options.status,
      status_transitions: { finalized_at: preview ? null : created, marked_uncollectible_at: null, paid_at: paid ? created : null, voided_at: null },
      subtotal: total,
      subtotal_excluding_tax: total,
      total,
      total_discount_amounts: [],
      total_excluding_tax: total,
      total_taxes: [],
      webhooks_delivered_at: preview ? null : created,
    };
  }

  /** Records `lines` (the period charge, plus any pending prorations) as a finalized invoice. */
  function bill(subscription: Json, options: { reason: BillingReason; paid: boolean; lines: Line[]; periodStart: number; periodEnd: number }): Json {
    const id = newId("in");
    const waiting = options.reason === "subscription_cycle" ? (pending.get(String(subscription.id)) ?? []) : [];
    pending.delete(String(subscription.id));
    const invoice = invoiceObject(id, subscription, [...waiting, ...options.lines], { ...options, status: options.paid ? "paid" : "open" });
    invoices.set(id, invoice);
    subscription.latest_invoice = id;
    return invoice;
  }

  return {
    /** For the dev server's state file (persist.ts). */
    snapshot: () => ({ invoices: [...invoices.values()], pending: [...pending.entries()], sequence }),
    restore(saved: { invoices: Json[]; pending: [string, Line[]][]; sequence: number }) {
      for (const invoice of saved.invoices) invoices.set(String(invoice.id), invoice);
      for (const [id, lines] of saved.pending) pending.set(id, lines);
      sequence = saved.sequence;
    },

    get(id: string): Json {
      const invoice = invoices.get(id);
      if (!invoice) throw missing("invoice", id);
      return invoice;
    },

    all: () => [...invoices.values()],

    /** GET /v1/invoices: newest first, filtered like Stripe's list. */
    list(query: URLSearchParams): Json {
      const limit = Number(query.get("limit") ?? 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new StripeFailure(400, "invalid_request_error", "Invalid integer: limit must be between 1 and 100.", "parameter_invalid", "limit");
      const customer = query.get("customer");
      const subscription = query.get("subscription");
      const status = query.get("status");
      const matching = [...invoices.values()]
        .filter((i) => !customer || i.customer === customer)
        .filter((i) => !subscription || (i.parent as { subscription_details: Json }).subscription_details.subscription === subscription)
        .filter((i) => !status || i.status === status)
        .reverse();
      return { object: "list", data: matching.slice(0, limit), has_more: matching.length > limit, url: "/v1/invoices" };
    },

    /** The invoice that opens a subscription: the first period, or a 0-amount one for a trial. */
    first(subscription: Json): Json {
      const item = firstItem(subscription);
      const start = Number(item.current_period_start);
      const end = Number(item.current_period_end);
      const trial = subscription.status === "trialing";
      const line = periodLine(subscription, start, end, trial ? 0 : undefined);
      if (trial) line.description = `Trial period for ${line.quantity} × Pro seat`;
      return bill(subscription, { reason: "subscription_create", paid: true, lines: [line], periodStart: start, periodEnd: start });
    },

    /** A renewal: charges the period that starts now, with the prorations made during the last one. */
    cycle(subscription: Json, paid: boolean, previous: { start: number; end: number }): Json {
      const item = firstItem(subscription);
      const line = periodLine(subscription, Number(item.current_period_start), Number(item.current_period_end));
      return bill(subscription, { reason: "subscription_cycle", paid, lines: [line], periodStart: previous.start, periodEnd: previous.end });
    },

    /** A charge for the current period outside the cycle (a retried or manual payment). */
    charge(subscription: Json, paid: boolean): Json {
      const item = firstItem(subscription);
      const start = Number(item.current_period_start);
      const end = Number(item.current_period_end);
      return bill(subscription, { reason: "manual", paid, lines: [periodLine(subscription, start, end)], periodStart: start, periodEnd: end });
    },

    /**
     * A seat change mid-period: credit for the unused time on the old seats, charge for the
     * remaining time on the new ones. Billed now with `always_invoice`, else left for the next invoice.
     */
    prorate(subscription: Json, from: number, to: number, behavior: "create_prorations" | "always_invoice"): Json | null {
      if (from === to || subscription.status === "trialing") return null;
      const item = firstItem(subscription);
      const unit = Number((item.price as Json).unit_amount);
      const start = now();
      const end = Number(item.current_period_end);
      const share = Math.max(0, end - start) / Math.max(1, end - Number(item.current_period_start));
      const lines: Line[] = [
        { description: `Unused time on ${from} × Pro seat`, amount: -Math.round(unit * from * share), quantity: from, start, end, proration: true },
        { description: `Remaining time on ${to} × Pro seat`, amount: Math.round(unit * to * share), quantity: to, start, end, proration: true },
      ];
      if (behavior === "create_prorations") {
        pending.set(String(subscription.id), [...(pending.get(String(subscription.id)) ?? []), ...lines]);
        return null;
      }
      return bill(subscription, { reason: "subscription_update", paid: true, lines, periodStart: start, periodEnd: start });
    },

    /** POST /v1/invoices/create_preview: the next renewal invoice, not stored and not payable. */
    preview(subscription: Json): Json {
      if (subscription.status === "canceled") throw new StripeFailure(400, "invalid_request_error", `No upcoming invoices for subscription ${String(subscription.id)}: it is canceled.`, "invoice_upcoming_none");
      const item = firstItem(subscription);
      const end = Number(item.current_period_end);
      if (subscription.cancel_at_period_end) throw new StripeFailure(400, "invalid_request_error", `No upcoming invoices for subscription ${String(subscription.id)}: it ends at the period end.`, "invoice_upcoming_none");
      const length = end - Number(item.current_period_start);
      const lines = [...(pending.get(String(subscription.id)) ?? []), periodLine(subscription, end, end + (subscription.status === "trialing" ? 30 * 86_400 : length))];
      return invoiceObject(newId("upcoming_in"), subscription, lines, { reason: "subscription_cycle", status: "draft", periodStart: Number(item.current_period_start), periodEnd: end });
    },

    /** The subscription's open invoice, the one a retry or the customer would pay. */
    openFor(subscriptionId: string): Json | undefined {
      return [...invoices.values()].reverse().find((i) => i.status === "open" && (i.parent as { subscription_details: Json }).subscription_details.subscription === subscriptionId);
    },

    markPaid(invoice: Json): void {
      if (invoice.status !== "open") throw new StripeFailure(400, "invalid_request_error", `Invoice ${String(invoice.id)} is ${String(invoice.status)}, not open.`, "invoice_not_open");
      const paidAt = now();
      Object.assign(invoice, { status: "paid", amount_paid: invoice.amount_due, amount_remaining: 0, attempt_count: Number(invoice.attempt_count) + 1, next_payment_attempt: null, auto_advance: false });
      (invoice.status_transitions as Json).paid_at = paidAt;
    },

    /** Another failed attempt on an open invoice. */
    markFailedAttempt(invoice: Json): void {
      Object.assign(invoice, { attempt_count: Number(invoice.attempt_count) + 1, next_payment_attempt: now() + 3 * 86_400 });
    },
  };
}
