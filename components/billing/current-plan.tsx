"use client";

import type { UpcomingInvoice } from "@/lib/billing/invoices";
import type { BillingState } from "@/lib/billing/state";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format-date";
import { SubscriptionStatus } from "./subscription-status";
import type { BillingActions } from "./use-billing-actions";

type Props = {
  state: BillingState;
  planName: string;
  price: string;
  /** The plan's seat cap; null where seats are unlimited or billed per seat. */
  seatLimit: number | null;
  upcoming: UpcomingInvoice | null;
  actions: BillingActions;
  onCancel: () => void;
};

const day = (date: Date | null) => (date ? formatDate(date.toISOString()) : null);

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs font-medium text-muted-foreground">{term}</dt>
      <dd className="text-sm font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** The plan the org is on, its seats and dates, and what can be done about it. */
export function CurrentPlan({ state, planName, price, seatLimit, upcoming, actions, onCancel }: Props) {
  const live = state.subscription?.entitled ? state.subscription : null;
  const periodEnd = day(live?.currentPeriodEnd ?? null);
  const seatsPending = live && live.seatsPaid !== state.seatsInUse;

  const showFooter = state.configured && (state.hasCustomer || live !== null);
  const footer = showFooter && (
    <>
      {state.hasCustomer && (
        <Button variant="secondary" loading={actions.portal.isPending} onClick={() => actions.portal.mutate()}>
          Payment methods and billing details
        </Button>
      )}
      {live &&
        (live.cancelAtPeriodEnd ? (
          <Button loading={actions.resume.isPending} onClick={() => actions.resume.mutate()}>
            Resume subscription
          </Button>
        ) : (
          <Button variant="danger-outline" onClick={onCancel}>
            Cancel subscription
          </Button>
        ))}
    </>
  );

  return (
    <CardSection
      headingId="billing-plan"
      title={
        <span className="flex flex-wrap items-center gap-2">
          {planName} plan
          {live && <SubscriptionStatus status={live.status} />}
          {live?.cancelAtPeriodEnd && periodEnd && <SubscriptionStatus status="canceled" />}
        </span>
      }
      description={
        live?.cancelAtPeriodEnd && periodEnd
          ? `Cancelled: ${planName} stays until ${periodEnd}, then the organization moves to the Free plan. Nothing is deleted.`
          : price
      }
      footer={footer || undefined}
    >
      <dl className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <Fact term="Seats">
          {live
            ? `${state.seatsInUse} in use · ${live.seatsPaid} paid`
            : seatLimit === null
              ? `${state.seatsInUse} in use`
              : `${state.seatsInUse} of ${seatLimit} in use`}
        </Fact>
        {state.graceEndsAt ? (
          <Fact term={state.readOnly ? "Read-only since" : "Read-only from"}>{day(state.graceEndsAt)}</Fact>
        ) : live?.status === "trialing" && live.trialEnd ? (
          <Fact term="Trial ends">{day(live.trialEnd)}</Fact>
        ) : (
          periodEnd && <Fact term={live?.cancelAtPeriodEnd ? "Ends" : "Renews"}>{periodEnd}</Fact>
        )}
        <Fact term="Next invoice">{upcoming ? `${upcoming.amount}${upcoming.date ? ` on ${formatDate(upcoming.date)}` : ""}` : "None scheduled"}</Fact>
      </dl>
      {seatsPending && (
        <p className="mt-4 text-sm text-muted-foreground">
          The subscription is being updated to {state.seatsInUse} {state.seatsInUse === 1 ? "seat" : "seats"}, prorated to the day.
        </p>
      )}
      {(actions.portal.isError || actions.resume.isError) && (
        <Callout tone="error" className="mt-4">
          {errorMessage(actions.portal.error ?? actions.resume.error)}
        </Callout>
      )}
    </CardSection>
  );
}
