import type { Metadata } from "next";
import { BillingView } from "@/components/billing/billing-view";
import { TestModeBadge } from "@/components/billing/test-mode-badge";
import { PageHeader } from "@/components/dashboard/page-header";
import { PLANS } from "@/components/marketing/plans";
import { Callout } from "@/components/ui/callout";
import { loadBillingOverview } from "@/lib/billing/overview";

export const metadata: Metadata = { title: "Billing" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BillingPage({ params, searchParams }: Props) {
  const { org: slug } = await params;
  const { checkout } = await searchParams;
  const overview = await loadBillingOverview(slug, `/dashboard/${slug}/billing`);

  if (!overview.manage) {
    return (
      <>
        <PageHeader title="Billing" description={`This organization is on the ${overview.planName} plan.`} />
        <Callout>Owners and admins manage the plan, seats and invoices. Ask one of them for changes.</Callout>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Billing"
        description={
          <span className="grid gap-2">
            Plan, seats, usage and invoices.
            <TestModeBadge />
          </span>
        }
      />
      <BillingView
        state={overview.state}
        usage={overview.usage}
        history={overview.history}
        plans={PLANS}
        checkout={checkout === "success" || checkout === "cancelled" ? checkout : undefined}
      />
    </>
  );
}
