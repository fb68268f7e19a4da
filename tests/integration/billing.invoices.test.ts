import Stripe from "stripe";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { STRIPE_API_VERSION } from "@/lib/billing/stripe";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { billingRows, type ControlResult, fakeStripe, type FakeSubscription, sessionIdFromUrl } from "./billing.support";

/** The local Stripe stand-in's invoices and lifecycle, read through the real SDK as the app reads them. */

const stripe = () => {
  const url = new URL(inject("stripeUrl"));
  return new Stripe(inject("stripeSecretKey"), { apiVersion: STRIPE_API_VERSION, host: url.hostname, port: Number(url.port), protocol: "http", maxNetworkRetries: 0 });
};

let team: Awaited<ReturnType<typeof orgWithTeam>>;
let checkout: ControlResult;
let subscription: FakeSubscription;

const current = async () => (await fakeStripe.state()).subscriptions.find((s) => s.id === subscription.id)!;
const kinds = (result: ControlResult) => result.deliveries.map((d) => [d.type, d.status]);

beforeAll(async () => {
  team = await orgWithTeam("Invoices");
  const started = await client(team.team.owner).post<{ url: string }>(`/api/v1/orgs/${team.org.slug}/billing/checkout`, { plan: "pro" });
  expect(started.status).toBe(200);
  checkout = await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url));
  subscription = checkout.subscription;
});

describe("invoices through the SDK", () => {
  it("a trial checkout leaves one paid 0-amount invoice, listed for the customer and the subscription", async () => {
    const customer = subscription.customer;
    const list = await stripe().invoices.list({ customer, limit: 10 });
    expect(list.object).toBe("list");
    expect(list.data).toHaveLength(1);
    const [invoice] = list.data;
    expect(invoice).toMatchObject({ object: "invoice", status: "paid", amount_due: 0, billing_reason: "subscription_create", customer, currency: "usd" });
    expect(invoice!.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect((await stripe().invoices.list({ subscription: subscription.id })).data.map((i) => i.id)).toEqual([invoice!.id]);
    expect((await stripe().invoices.list({ customer, status: "open" })).data).toEqual([]);
    expect((await stripe().invoices.retrieve(invoice!.id)).id).toBe(invoice!.id);
    await expect(stripe().invoices.retrieve("in_nonexistent")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("the preview shows the first charge after the trial, at the period end, and is not listed", async () => {
    const preview = await stripe().invoices.createPreview({ customer: subscription.customer, subscription: subscription.id });
    const item = (await current()).items.data[0]!;
    expect(preview).toMatchObject({ object: "invoice", status: "draft", amount_due: 1200 * item.quantity, currency: "usd", next_payment_attempt: item.current_period_end, period_end: item.current_period_end });
    expect(preview.lines.data).toHaveLength(1);
    expect(preview.lines.data[0]).toMatchObject({ quantity: item.quantity, amount: 1200 * item.quantity, period: { start: item.current_period_end } });
    expect((await stripe().invoices.list({ customer: subscription.customer })).data).toHaveLength(1);
    await expect(stripe().invoices.createPreview({ customer: subscription.customer })).rejects.toMatchObject({ statusCode: 400, param: "subscription" });
  });
});

describe("the lifecycle reaches the app through webhooks", () => {
  it("trial will end is sent; the trial's end bills the first period and makes the subscription active", async () => {
    const notice = await fakeStripe.trialWillEnd(subscription.id);
    expect(kinds(notice)).toEqual([["customer.subscription.trial_will_end", 200]]);

    const before = (await current()).items.data[0]!;
    const renewed = await fakeStripe.renew(subscription.id, { paid: true });
    expect(kinds(renewed)).toEqual([["customer.subscription.updated", 200], ["invoice.paid", 200]]);
    const item = renewed.subscription.items.data[0]!;
    expect(item.current_period_start).toBe(before.current_period_end);
    expect(item.current_period_end).toBeGreaterThan(before.current_period_end);
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "active" });

    const invoices = await stripe().invoices.list({ customer: subscription.customer });
    expect(invoices.data.map((i) => [i.billing_reason, i.status, i.amount_due])).toEqual([
      ["subscription_cycle", "paid", 1200 * item.quantity],
      ["subscription_create", "paid", 0],
    ]);
    expect(renewed.subscription.latest_invoice).toBe(invoices.data[0]!.id);
  });

  it("a seat change with create_prorations waits for the next invoice; always_invoice bills it now", async () => {
    const sdk = stripe();
    const itemId = subscription.items.data[0]!.id;
    const seats = (await current()).items.data[0]!.quantity;
    await sdk.subscriptions.update(subscription.id, { items: [{ id: itemId, quantity: seats + 2 }], proration_behavior: "create_prorations" });
    expect((await sdk.invoices.list({ customer: subscription.customer })).data).toHaveLength(2);
    const preview = await sdk.invoices.createPreview({ customer: subscription.customer, subscription: subscription.id });
    const prorations = preview.lines.data.filter((l) => l.parent?.subscription_item_details?.proration);
    expect(prorations.map((l) => l.quantity)).toEqual([seats, seats + 2]);
    expect(prorations[0]!.amount).toBeLessThan(0);
    expect(prorations[1]!.amount).toBeGreaterThan(0);
    expect(preview.amount_due).toBe(1200 * (seats + 2) + prorations[0]!.amount + prorations[1]!.amount);

    await sdk.subscriptions.update(subscription.id, { items: [{ id: itemId, quantity: seats + 3 }], proration_behavior: "always_invoice" });
    const [latest] = (await sdk.invoices.list({ customer: subscription.customer, limit: 1 })).data;
    expect(latest).toMatchObject({ billing_reason: "subscription_update", status: "paid" });
    expect(latest!.lines.data.map((l) => l.quantity)).toEqual([seats + 2, seats + 3]);
  });

  it("a failed payment makes it past_due, with an open invoice; paying that invoice makes it active again", async () => {
    const failed = await fakeStripe.invoice(subscription.id, { paid: false });
    expect(kinds(failed)).toEqual([["invoice.payment_failed", 200], ["customer.subscription.updated", 200]]);
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "past_due" });
    const open = (await stripe().invoices.list({ customer: subscription.customer, status: "open" })).data;
    expect(open).toHaveLength(1);
    expect(open[0]!.amount_remaining).toBe(open[0]!.amount_due);

    const paid = await fakeStripe.payInvoice(open[0]!.id);
    expect(kinds(paid)).toEqual([["invoice.paid", 200], ["customer.subscription.updated", 200]]);
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "pro" }, subscription: { status: "active" } });
    expect((await stripe().invoices.retrieve(open[0]!.id)).status).toBe("paid");
    await expect(fakeStripe.payInvoice(open[0]!.id)).rejects.toThrow(/not open/);
  });

  it("a failed renewal is past_due; a renewal of a subscription set to cancel at period end ends it instead", async () => {
    const failed = await fakeStripe.renew(subscription.id, { paid: false });
    expect(kinds(failed)).toEqual([["customer.subscription.updated", 200], ["invoice.payment_failed", 200]]);
    expect((await billingRows(team.org.id)).subscription).toMatchObject({ status: "past_due" });
    expect(kinds(await fakeStripe.invoice(subscription.id, { paid: true }))).toEqual([["invoice.paid", 200], ["customer.subscription.updated", 200]]);

    await fakeStripe.updateSubscription(subscription.id, { cancel_at_period_end: true });
    const invoicesBefore = (await fakeStripe.state()).invoices.length;
    const ended = await fakeStripe.renew(subscription.id, { paid: true });
    expect(kinds(ended)).toEqual([["customer.subscription.deleted", 200]]);
    expect((await fakeStripe.state()).invoices.length).toBe(invoicesBefore);
    expect(await billingRows(team.org.id)).toMatchObject({ org: { plan: "free" }, subscription: { status: "canceled" } });
    await expect(stripe().invoices.createPreview({ customer: subscription.customer, subscription: subscription.id })).rejects.toMatchObject({ statusCode: 400, code: "invoice_upcoming_none" });
    await expect(fakeStripe.renew(subscription.id)).rejects.toThrow(/canceled/);
  });
});

describe("hosted invoices", () => {
  it("each invoice has an HTML page labelled test mode and a PDF", async () => {
    const [invoice] = (await stripe().invoices.list({ customer: subscription.customer, limit: 1 })).data;
    const page = await fetch(invoice!.hosted_invoice_url!);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const text = await page.text();
    expect(text).toContain("Test mode — local Stripe stand-in, no real money");
    expect(text).toContain(invoice!.number!);

    const pdf = await fetch(invoice!.invoice_pdf!);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString("latin1");
    expect(bytes.startsWith("%PDF-1.4\n")).toBe(true);
    expect(bytes.trimEnd().endsWith("%%EOF")).toBe(true);
    // The cross-reference offset points at the xref table, as PDF readers require.
    const xref = Number(/startxref\n(\d+)\n/.exec(bytes)![1]);
    expect(bytes.slice(xref, xref + 4)).toBe("xref");
    expect(bytes).toContain(`Number: ${invoice!.number}`);
  });
});
