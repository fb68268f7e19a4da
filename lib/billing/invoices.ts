import type Stripe from "stripe";
import { log } from "@/lib/log";
import { formatMoney } from "./money";
import { stripe } from "./stripe";

export type InvoiceSummary = {
  id: string;
  number: string | null;
  createdAt: string;
  /** Paid invoices show what was paid; open ones what is due. */
  amount: string;
  status: string | null;
  hostedUrl: string | null;
  pdfUrl: string | null;
};

export type UpcomingInvoice = { amount: string; date: string | null };

export type InvoiceHistory = {
  invoices: InvoiceSummary[];
  upcoming: UpcomingInvoice | null;
  /** Stripe could not be read: the page says so instead of showing an empty history. */
  unavailable: boolean;
};

const HISTORY_LENGTH = 24;
const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null);

function summarize(invoice: Stripe.Invoice): InvoiceSummary {
  const paid = invoice.status === "paid";
  return {
    id: invoice.id ?? "",
    number: invoice.number,
    createdAt: new Date(invoice.created * 1000).toISOString(),
    amount: formatMoney(paid ? invoice.amount_paid : invoice.amount_due, invoice.currency),
    status: invoice.status,
    hostedUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
  };
}

/**
 * The customer's invoices and the next one, read from Stripe for the billing page. Called
 * outside any database transaction (no connection waits on Stripe), and never throws: a
 * Stripe outage leaves the rest of the page working.
 */
export async function loadInvoiceHistory(customerId: string | null, subscription: { id: string; renews: boolean } | null): Promise<InvoiceHistory> {
  if (!stripe || !customerId) return { invoices: [], upcoming: null, unavailable: false };
  const client = stripe;
  try {
    const [list, preview] = await Promise.all([
      client.invoices.list({ customer: customerId, limit: HISTORY_LENGTH }),
      // A subscription that ends at its period end has no next invoice; Stripe would refuse the preview.
      subscription?.renews ? client.invoices.createPreview({ customer: customerId, subscription: subscription.id }) : null,
    ]);
    return {
      invoices: list.data.map(summarize),
      upcoming: preview && { amount: formatMoney(preview.amount_due, preview.currency), date: fromUnix(preview.next_payment_attempt ?? preview.period_end) },
      unavailable: false,
    };
  } catch (error) {
    log.warn("billing page: Stripe invoices could not be read", { component: "billing", customerId, error });
    return { invoices: [], upcoming: null, unavailable: true };
  }
}
