"use client";

import { useState } from "react";
import type { BillingOverview } from "@/lib/billing/overview";
import type { Plan } from "@/components/marketing/plans";
import { errorMessage } from "@/components/forms/field-errors";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDate } from "@/components/ui/format-date";
import { CheckoutReturn } from "./checkout-return";
import { CurrentPlan } from "./current-plan";
import { InvoiceTable } from "./invoice-table";
import { PlanOptions } from "./plan-options";
import { UsageMeters } from "./usage-meters";
import { useBillingActions } from "./use-billing-actions";

type Props = Omit<BillingOverview, "manage"> & {
  plans: Plan[];
  checkout?: "success" | "cancelled";
};

/** The billing page for owners and admins: plan, usage, plan changes and invoices. */
export function BillingView({ state, usage, history, plans, checkout }: Props) {
  const actions = useBillingActions();
  const [cancelling, setCancelling] = useState(false);
  const plan = plans.find((p) => p.id === usage.plan.id) ?? plans[0]!;
  const live = state.subscription?.entitled ? state.subscription : null;
  const periodEnd = live?.currentPeriodEnd ? formatDate(live.currentPeriodEnd.toISOString()) : "the end of the period";

  return (
    <div className="grid gap-8">
      {checkout && <CheckoutReturn result={checkout} subscribed={live !== null} />}
      {!state.configured && (
        <Callout title="Billing is not configured on this server">
          Set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PRICE_PRO to sell plans; the README&apos;s billing section says how. Until then every
          organization keeps the plan stored for it.
        </Callout>
      )}
      <CurrentPlan
        state={state}
        planName={plan.name}
        price={`${plan.price} ${plan.priceNote}`}
        seatLimit={usage.limits.find((l) => l.limit === "members")?.max ?? null}
        upcoming={history.upcoming}
        actions={actions}
        onCancel={() => setCancelling(true)}
      />
      <UsageMeters usage={usage} />
      <PlanOptions
        plans={plans}
        current={plan.id}
        configured={state.configured}
        cancellable={live !== null && !live.cancelAtPeriodEnd}
        actions={actions}
        onDowngrade={() => setCancelling(true)}
      />
      {state.hasCustomer && <InvoiceTable history={history} />}
      <ConfirmDialog
        open={cancelling}
        onOpenChange={(open) => {
          setCancelling(open);
          if (!open) actions.cancel.reset();
        }}
        title="Cancel the subscription?"
        description={`${plan.name} stays until ${periodEnd}; then the organization moves to the Free plan. Nothing is deleted, and you can resume any time before then.`}
        confirmLabel="Cancel at period end"
        pending={actions.cancel.isPending}
        error={actions.cancel.isError ? errorMessage(actions.cancel.error) : undefined}
        onConfirm={() =>
          actions.cancel.mutate(undefined, {
            onSuccess: () => setCancelling(false),
          })
        }
      />
    </div>
  );
}
