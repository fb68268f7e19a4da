import type { InvoiceHistory } from "@/lib/billing/invoices";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format-date";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  paid: { label: "Paid", tone: "green" },
  open: { label: "Open", tone: "amber" },
  draft: { label: "Draft", tone: "neutral" },
  void: { label: "Void", tone: "neutral" },
  uncollectible: { label: "Uncollectible", tone: "amber" },
};

const th = "px-3 py-2.5 text-left text-xs font-medium text-muted-foreground first:pl-5 last:pr-5";
const td = "px-3 py-3 first:pl-5 last:pr-5";

/** Past invoices from Stripe, newest first, with Stripe's hosted page and PDF for each. */
export function InvoiceTable({ history }: { history: InvoiceHistory }) {
  return (
    <CardSection
      headingId="billing-invoices"
      title="Invoices"
      description="Every invoice Stripe has issued to this organization. Seat changes appear as prorated lines."
    >
      {history.unavailable ? (
        <Callout tone="error">Stripe could not be reached, so invoices cannot be shown right now. Everything else on this page is current.</Callout>
      ) : history.invoices.length === 0 ? (
        <p className="text-sm text-muted-foreground">No invoices yet. They appear here after the first payment, or at the end of a trial.</p>
      ) : (
        <div className="-mx-5 -mb-5 overflow-x-auto border-t sm:-mx-6 sm:-mb-6">
          <table className="w-full text-sm">
            <caption className="sr-only">Invoices</caption>
            <thead className="bg-subtle">
              <tr>
                <th scope="col" className={th}>
                  Date
                </th>
                <th scope="col" className={th}>
                  Number
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Amount
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Links</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {history.invoices.map((invoice) => {
                const status = invoice.status
                  ? (STATUS[invoice.status] ?? {
                      label: invoice.status,
                      tone: "neutral" as const,
                    })
                  : null;
                const label = invoice.number ?? invoice.id;
                return (
                  <tr key={invoice.id} data-testid="invoice-row">
                    <td className={`${td} whitespace-nowrap`}>{formatDate(invoice.createdAt)}</td>
                    <td className={`${td} font-mono text-xs`}>{label}</td>
                    <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{invoice.amount}</td>
                    <td className={td}>{status && <Badge tone={status.tone}>{status.label}</Badge>}</td>
                    <td className={`${td} text-right whitespace-nowrap`}>
                      {invoice.hostedUrl && (
                        <a
                          href={invoice.hostedUrl}
                          target="_blank"
                          rel="noreferrer"
                          className="font-medium text-link hover:underline"
                          aria-label={`View invoice ${label}`}
                        >
                          View
                        </a>
                      )}
                      {invoice.pdfUrl && (
                        <a
                          href={invoice.pdfUrl}
                          target="_blank"
                          rel="noreferrer"
                          className="ml-4 font-medium text-link hover:underline"
                          aria-label={`Download invoice ${label} as PDF`}
                        >
                          PDF
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </CardSection>
  );
}
