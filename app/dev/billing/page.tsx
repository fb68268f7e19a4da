import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { TestModeBadge } from "@/components/billing/test-mode-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { localStripeState, type LocalStripeState } from "@/lib/billing/local-stripe/control-client";
import { scoped } from "@/lib/db/tenant-transaction";
import { features } from "@/lib/env";
import { DevBillingActions } from "./actions";

export const metadata: Metadata = { title: "Dev billing", robots: { index: false, follow: false } };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const day = (seconds: number) => dateFormat.format(new Date(seconds * 1000));
const seats = (n: number) => `${n} ${n === 1 ? "seat" : "seats"}`;
const money = (cents: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

type Org = { id: string; name: string; slug: string; plan: string; seatsPurchased: number | null; stripeCustomerId: string | null };

/**
 * Dev only: this database's orgs that have a customer in the local Stripe stand-in, with buttons
 * that make Stripe do what it would over weeks (a failed payment, a renewal, a trial ending).
 * 404 unless billing talks to the stand-in (features.localStripe), so never in production.
 */
export default async function DevBillingPage() {
  // Read per request: a build made without the stand-in must not bake a 404 into a dev run.
  await headers();
  if (!features.localStripe) notFound();
  const state = await localStripeState();
  const customerIds = state.customers.map((c) => c.id);
  const orgs: Org[] = await scoped({}, (tx) =>
    tx.organization.findMany({ where: { stripeCustomerId: { in: customerIds } }, select: { id: true, name: true, slug: true, plan: true, seatsPurchased: true, stripeCustomerId: true }, orderBy: { name: "asc" } }),
  );

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <header className="mb-8 space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Dev billing</h1>
        <TestModeBadge withLink={false} />
        <p className="text-sm text-muted-foreground">
          Each button makes the local Stripe stand-in do what Stripe would, and deliver the events to this app&apos;s webhook. Start a checkout from an
          organization&apos;s billing settings first: orgs show up here once they have a Stripe customer.
        </p>
      </header>
      {orgs.length === 0 ? (
        <EmptyState icon={InboxIcon} title="No organization has a Stripe customer yet" description="Open an organization's billing settings and start the Pro checkout." />
      ) : (
        <ol className="space-y-6">
          {orgs.map((org) => (
            <li key={org.id}>
              <OrgBilling org={org} state={state} />
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

function OrgBilling({ org, state }: { org: Org; state: LocalStripeState }) {
  const subscriptions = state.subscriptions.filter((s) => s.customer === org.stripeCustomerId).reverse();
  const openInvoices = state.invoices.filter((i) => i.customer === org.stripeCustomerId && i.status === "open");
  return (
    <Card className="p-5" data-testid="dev-billing-org" data-org={org.slug}>
      <section aria-labelledby={`org-${org.id}`}>
        <header className="mb-4">
          <h2 id={`org-${org.id}`} className="text-lg font-medium">
            {org.name}
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            In the app: plan {org.plan}, {seats(org.seatsPurchased ?? 0)} paid · <a className="text-link underline" href={`/dashboard/${org.slug}/settings`}>Billing settings</a>
          </p>
        </header>
        {subscriptions.length === 0 ? (
          <p className="text-sm text-muted-foreground">No subscription in Stripe yet: the checkout was not completed.</p>
        ) : (
          <ul className="space-y-4">
            {subscriptions.map((s) => {
              const item = s.items.data[0];
              return (
                <li key={s.id} className="rounded-lg border p-4">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <code className="font-mono text-xs">{s.id}</code>
                    <Badge tone={s.status === "active" || s.status === "trialing" ? "green" : s.status === "canceled" ? "neutral" : "amber"}>{s.status.replace("_", " ")}</Badge>
                    {s.cancel_at_period_end && <Badge tone="amber">cancels at period end</Badge>}
                  </p>
                  {item && (
                    <p className="mt-1 text-sm text-muted-foreground">
                      {seats(item.quantity)} · {s.status === "trialing" ? "trial ends" : "period ends"} {day(item.current_period_end)}
                      {openInvoices.length > 0 && ` · open invoice ${money(openInvoices[0]!.amount_due)}`}
                    </p>
                  )}
                  {s.status !== "canceled" && item && (
                    <DevBillingActions subscription={s.id} seats={item.quantity} trialing={s.status === "trialing"} endsAtPeriodEnd={s.cancel_at_period_end} hasOpenInvoice={openInvoices.length > 0} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Card>
  );
}
