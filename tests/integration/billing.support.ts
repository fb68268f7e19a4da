import pg from "pg";
import Stripe from "stripe";
import { inject } from "vitest";

/** Talks to the fake Stripe's test-control API (lib/billing/local-stripe/server.ts). */

type Json = Record<string, unknown>;
export type FakeSubscription = Json & {
  id: string;
  status: string;
  customer: string;
  cancel_at_period_end: boolean;
  latest_invoice: string | null;
  items: { data: { id: string; quantity: number; current_period_start: number; current_period_end: number }[] };
};
export type FakeInvoice = Json & {
  id: string;
  status: "draft" | "open" | "paid";
  customer: string;
  amount_due: number;
  billing_reason: string;
  hosted_invoice_url: string;
  invoice_pdf: string;
  parent: { subscription_details: { subscription: string } };
  lines: { data: (Json & { amount: number; parent: { subscription_item_details: { proration: boolean } } })[] };
};
export type FakeEvent = Json & { id: string; type: string };
export type Delivery = { eventId: string; type: string; status: number; body: { received?: boolean; outcome?: string; code?: string } };
export type ControlResult = { subscription: FakeSubscription; events: FakeEvent[]; deliveries: Delivery[] };
export type FakeState = {
  customers: (Json & { id: string; metadata: Record<string, string> })[];
  checkoutSessions: (Json & { id: string; url: string; customer: string; request: { line_items: { price: string; quantity: number }[]; subscription_data?: { trial_period_days?: number } } })[];
  portalSessions: (Json & { id: string; customer: string; url: string })[];
  subscriptions: FakeSubscription[];
  invoices: FakeInvoice[];
};

async function control<T>(method: string, path: string, body?: Json): Promise<T> {
  const res = await fetch(`${inject("stripeUrl")}${path}`, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  if (!res.ok) throw new Error(`fake Stripe ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const fakeStripe = {
  state: () => control<FakeState>("GET", "/_test/state"),
  completeCheckout: (sessionId: string, options: { deliver?: boolean } = {}) => control<ControlResult>("POST", `/_test/checkout/${sessionId}/complete`, options),
  updateSubscription: (id: string, change: { quantity?: number; status?: string; cancel_at_period_end?: boolean; deliver?: boolean }) =>
    control<ControlResult>("POST", `/_test/subscriptions/${id}/update`, change),
  deleteSubscription: (id: string, options: { deliver?: boolean } = {}) => control<ControlResult>("POST", `/_test/subscriptions/${id}/delete`, options),
  /** A payment for the current period: failed (past_due) or paid (the open invoice, if any). */
  invoice: (id: string, options: { paid: boolean; deliver?: boolean }) => control<ControlResult>("POST", `/_test/subscriptions/${id}/invoice`, options),
  /** The period (or trial) ends: a new period billed, or the end of a cancel-at-period-end subscription. */
  renew: (id: string, options: { paid?: boolean; deliver?: boolean } = {}) => control<ControlResult>("POST", `/_test/subscriptions/${id}/renew`, options),
  trialWillEnd: (id: string, options: { deliver?: boolean } = {}) => control<ControlResult>("POST", `/_test/subscriptions/${id}/trial-will-end`, options),
  payInvoice: (invoiceId: string, options: { deliver?: boolean } = {}) => control<ControlResult>("POST", `/_test/invoices/${invoiceId}/pay`, options),
  deliver: (eventId: string, options: { secret?: string; timestamp?: number } = {}) => control<Delivery>("POST", `/_test/events/${eventId}/deliver`, options),
};

/** The checkout session id from the url the app returned (`…/checkout/<id>`). */
export const sessionIdFromUrl = (url: string) => url.split("/").at(-1)!;

/** Posts `payload` to the app's webhook with the given Stripe-Signature header (or none). */
export async function postWebhook(payload: string, signature?: string): Promise<{ status: number; type: string; body: Json }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== undefined) headers["stripe-signature"] = signature;
  const res = await fetch(`${inject("baseUrl")}/api/webhooks/stripe`, { method: "POST", headers, body: payload });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as Json };
}

/** Signs like Stripe does, with the SDK's own helper. */
export function sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return new Stripe("sk_test_signing_only").webhooks.generateTestHeaderString({ payload, secret: options.secret ?? inject("stripeWebhookSecret"), timestamp: options.timestamp });
}

/** What billing has written for one org and one event, read past RLS as the owner role. */
export async function billingRows(orgId: string, eventId?: string) {
  const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  try {
    const event = await owner.query(`select id from stripe_events where id = $1`, [eventId ?? ""]);
    const subscription = await owner.query<{ status: string; seatsPaid: number; stripeSubscriptionId: string }>(
      `select status, "seatsPaid", "stripeSubscriptionId" from subscriptions where "orgId" = $1`, [orgId]);
    const org = await owner.query<{ plan: string; seatsPurchased: number | null; stripeCustomerId: string | null }>(
      `select plan, "seatsPurchased", "stripeCustomerId" from organizations where id = $1`, [orgId]);
    return { eventRecorded: event.rowCount === 1, subscription: subscription.rows[0] ?? null, org: org.rows[0]! };
  } finally {
    await owner.end();
  }
}
