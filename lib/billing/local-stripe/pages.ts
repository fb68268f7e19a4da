import type { ServerResponse } from "node:http";
import { firstItem, type Json, StripeFailure } from "./common";
import { day, html, money, page } from "./html";
import { textPdf } from "./pdf";

/**
 * The pages a customer sees on Stripe, served by the stand-in: Checkout, the Customer Portal and
 * hosted invoices (with a PDF). Forms post back here (303 after each, so a reload repeats nothing);
 * the resulting events go to the app's webhook before the customer is sent back to the app.
 */

type Outcome = { subscription: Json; events: Json[] };

export type PageContext = {
  checkoutSession(id: string): Json | undefined;
  portalSession(id: string): Json | undefined;
  customer(id: string): Json;
  price(id: string): Json;
  subscriptionsOf(customerId: string): Json[];
  invoicesOf(customerId: string): Json[];
  invoice(id: string): Json;
  completeCheckout(id: string): Promise<{ subscription: Json }>;
  setCancelAtPeriodEnd(subscriptionId: string, cancel: boolean): Promise<unknown>;
  updateEmail(customerId: string, email: string): Promise<unknown>;
  payInvoice(id: string): Promise<Outcome>;
  appName: string;
};

const send = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
};
const redirect = (res: ServerResponse, location: string) => {
  res.writeHead(303, { location });
  res.end();
};

const sessionLabel = (status: unknown) => {
  const text = String(status).replace(/_/g, " ");
  const tone = status === "past_due" || status === "unpaid" || status === "open" ? "bad" : status === "paid" || status === "active" || status === "trialing" ? "good" : "";
  return html`<span class="status ${tone}">${text}</span>`;
};

function checkoutPage(session: Json, price: Json, quantity: number, trialDays: number | undefined) {
  const name = String((price.metadata as Json).name ?? price.product);
  const unit = Number(price.unit_amount);
  const total = unit * quantity;
  const open = session.status === "open";
  return page(
    "Checkout",
    html`<div class="card">
  <p class="muted">Subscribe to</p>
  <h1>${name}</h1>
  <dl>
    <dt>Price</dt><dd>${money(unit)} per seat per month</dd>
    <dt>Seats</dt><dd>${quantity}</dd>
    ${trialDays ? html`<dt>Trial</dt><dd>${trialDays} days free, then ${money(total)} a month</dd>` : ""}
  </dl>
  <div class="total"><span>${trialDays ? "Due today" : "Total per month"}</span><span>${money(trialDays ? 0 : total)}</span></div>
  ${
    open
      ? html`<p class="muted">No card is needed: this stand-in charges nothing.</p>
  <div class="actions">
    <form method="post"><button type="submit">Subscribe</button></form>
    <a href="${String(session.cancel_url)}">Back</a>
  </div>`
      : html`<p>This checkout is ${String(session.status)}.</p><div class="actions"><a href="${String(session.success_url)}">Continue</a></div>`
  }
</div>`,
  );
}

function invoiceRows(invoices: Json[]) {
  if (invoices.length === 0) return html`<p class="muted">No invoices yet.</p>`;
  return html`<table>
  <thead><tr><th scope="col">Date</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col"><span class="muted">Links</span></th></tr></thead>
  <tbody>${invoices.map(
    (i) => html`<tr><td>${day(i.created)}</td><td>${money(Number(i.amount_due))}</td><td>${sessionLabel(i.status)}</td>
    <td><a href="${String(i.hosted_invoice_url)}">View ${String(i.number)}</a> · <a href="${String(i.invoice_pdf)}">PDF</a></td></tr>`,
  )}</tbody>
</table>`;
}

function portalPage(session: Json, customer: Json, subscriptions: Json[], invoices: Json[], appName: string) {
  const returnUrl = typeof session.return_url === "string" ? session.return_url : null;
  const base = `/portal/${String(session.id)}`;
  return page(
    "Billing portal",
    html`<div class="card">
  <h1>Billing</h1>
  <p class="muted">${String(customer.name ?? "")}</p>
  ${returnUrl ? html`<p><a href="${returnUrl}">← Return to ${appName}</a></p>` : ""}
</div>
${subscriptions.map((s) => {
  const item = firstItem(s);
  const ending = Boolean(s.cancel_at_period_end);
  return html`<section class="card" aria-labelledby="sub-${String(s.id)}">
  <h2 id="sub-${String(s.id)}">Current plan: Pro</h2>
  <dl>
    <dt>Status</dt><dd>${sessionLabel(s.status)}</dd>
    <dt>Seats</dt><dd>${Number(item.quantity)} × ${money(Number((item.price as Json).unit_amount))} / month</dd>
    <dt>${ending ? "Ends on" : s.status === "trialing" ? "Trial ends" : "Renews on"}</dt><dd>${day(item.current_period_end)}</dd>
  </dl>
  <div class="actions">
    <form method="post" action="${base}/${ending ? "resume" : "cancel"}">
      <input type="hidden" name="subscription" value="${String(s.id)}">
      <button type="submit" class="${ending ? "" : "secondary"}">${ending ? "Resume subscription" : "Cancel at period end"}</button>
    </form>
  </div>
</section>`;
})}
<section class="card" aria-labelledby="email-heading">
  <h2 id="email-heading">Billing email</h2>
  <form method="post" action="${base}/email">
    <label for="email">Email for invoices and receipts</label>
    <input id="email" name="email" type="email" required value="${String(customer.email ?? "")}" autocomplete="email">
    <div class="actions"><button type="submit" class="secondary">Update billing email</button></div>
  </form>
</section>
<section class="card" aria-labelledby="invoices-heading">
  <h2 id="invoices-heading">Invoices</h2>
  ${invoiceRows(invoices)}
</section>`,
  );
}

function invoicePage(invoice: Json) {
  const lines = (invoice.lines as { data: Json[] }).data;
  return page(
    `Invoice ${String(invoice.number)}`,
    html`<div class="card">
  <p class="muted">Invoice ${String(invoice.number)} · ${day(invoice.created)}</p>
  <h1>${money(Number(invoice.amount_due))} ${sessionLabel(invoice.status)}</h1>
  <p class="muted">Billed to ${String(invoice.customer_name ?? invoice.customer)}${invoice.customer_email ? html` (${String(invoice.customer_email)})` : ""}</p>
  <table>
    <thead><tr><th scope="col">Description</th><th scope="col">Period</th><th scope="col">Amount</th></tr></thead>
    <tbody>${lines.map((l) => {
      const period = l.period as { start: number; end: number };
      return html`<tr><td>${String(l.description)}</td><td>${day(period.start)} – ${day(period.end)}</td><td>${money(Number(l.amount))}</td></tr>`;
    })}</tbody>
  </table>
  <div class="total"><span>${invoice.status === "paid" ? "Paid" : "Amount due"}</span><span>${money(Number(invoice.status === "paid" ? invoice.amount_paid : invoice.amount_remaining))}</span></div>
  <div class="actions">
    ${invoice.status === "open" ? html`<form method="post"><button type="submit">Pay ${money(Number(invoice.amount_remaining))}</button></form>` : ""}
    <a href="${String(invoice.invoice_pdf)}">Download PDF</a>
  </div>
</div>`,
  );
}

function invoicePdf(invoice: Json): Buffer {
  const lines = (invoice.lines as { data: Json[] }).data;
  return textPdf([
    "INVOICE - TEST MODE (local Stripe stand-in, no real money)",
    "",
    `Number: ${String(invoice.number)}`,
    `Date: ${day(invoice.created)}`,
    `Billed to: ${String(invoice.customer_name ?? invoice.customer)}`,
    `Status: ${String(invoice.status)}`,
    "",
    ...lines.map((l) => `${String(l.description)}    ${money(Number(l.amount))}`),
    "",
    `Total: ${money(Number(invoice.total))}`,
    `Amount due: ${money(Number(invoice.amount_due))}`,
  ]);
}

/** Form posts must come from the stand-in's own pages: a browser sends their Origin. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Serves a page if `url` is one; false lets the caller answer 404 the Stripe way. */
export async function servePage(ctx: PageContext, method: string, url: URL, body: string, res: ServerResponse, origin?: string, host?: string): Promise<boolean> {
  let match: RegExpExecArray | null;
  if (method === "POST" && !sameOrigin(origin, host)) throw new StripeFailure(403, "invalid_request_error", "Cross-origin form post refused.");
  const form = new URLSearchParams(body);

  if ((match = /^\/checkout\/([^/]+)$/.exec(url.pathname))) {
    const session = ctx.checkoutSession(match[1]!);
    if (!session) return false;
    if (method === "POST") {
      if (session.status === "open") await ctx.completeCheckout(String(session.id));
      redirect(res, String(session.success_url));
      return true;
    }
    const request = session._request as { line_items: { price: string; quantity: number }[]; subscription_data?: { trial_period_days?: number } };
    const line = request.line_items[0]!;
    send(res, 200, checkoutPage(session, ctx.price(line.price), line.quantity, request.subscription_data?.trial_period_days));
    return true;
  }

  if ((match = /^\/portal\/([^/]+)(?:\/(cancel|resume|email))?$/.exec(url.pathname))) {
    const session = ctx.portalSession(match[1]!);
    if (!session) return false;
    const customerId = String(session.customer);
    const action = match[2];
    if (method === "POST" && action) {
      if (action === "email") {
        const email = form.get("email")?.trim() ?? "";
        if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new StripeFailure(400, "invalid_request_error", "Enter an email address.", "email_invalid", "email");
        await ctx.updateEmail(customerId, email);
      } else {
        const subscription = ctx.subscriptionsOf(customerId).find((s) => s.id === form.get("subscription"));
        if (!subscription) throw new StripeFailure(404, "invalid_request_error", "No such subscription for this customer.");
        await ctx.setCancelAtPeriodEnd(String(subscription.id), action === "cancel");
      }
      redirect(res, `/portal/${String(session.id)}`);
      return true;
    }
    if (method !== "GET" || action) return false;
    const live = ctx.subscriptionsOf(customerId).filter((s) => s.status !== "canceled");
    send(res, 200, portalPage(session, ctx.customer(customerId), live, ctx.invoicesOf(customerId), ctx.appName));
    return true;
  }

  if ((match = /^\/invoices\/([^/]+)(\/pdf)?$/.exec(url.pathname))) {
    const invoice = ctx.invoice(match[1]!);
    if (match[2]) {
      if (method !== "GET") return false;
      res.writeHead(200, { "content-type": "application/pdf", "content-disposition": `inline; filename="invoice-${String(invoice.number)}.pdf"` });
      res.end(invoicePdf(invoice));
      return true;
    }
    if (method === "POST") {
      if (invoice.status === "open") await ctx.payInvoice(String(invoice.id));
      redirect(res, `/invoices/${String(invoice.id)}`);
      return true;
    }
    send(res, 200, invoicePage(invoice));
    return true;
  }
  return false;
}
