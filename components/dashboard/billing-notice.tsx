"use client";

import Link from "next/link";
import { billingPath } from "@/lib/billing/paths";
import { buttonClasses } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { formatDate } from "@/components/ui/format-date";
import { READ_ONLY_NOTICE_ID, useCan, useDashboard } from "./dashboard-context";

/**
 * Dunning, where everyone sees it: once the grace period is over, every member learns why
 * nothing can be changed (disabled controls point here); before that, only the people who
 * can pay are told, with the date it takes effect.
 */
export function BillingNotice() {
  const { org, billing } = useDashboard();
  const canPay = useCan("billing:manage");
  if (!billing.graceEndsAt || (!billing.readOnly && !canPay)) return null;
  const deadline = formatDate(billing.graceEndsAt);
  const action = canPay && (
    <Link href={billingPath(org.slug)} className={buttonClasses({ variant: "secondary", size: "sm", className: "self-start sm:self-auto" })}>
      Update payment method
    </Link>
  );

  if (billing.readOnly) {
    return (
      <Callout id={READ_ONLY_NOTICE_ID} tone="error" className="mb-6" title={`${org.name} is read-only: a payment is overdue`}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p>
            Everyone can still see everything, but changes are paused until the open invoice is paid.{" "}
            {canPay ? "Writes resume as soon as the payment goes through." : "Ask an owner or admin to update the payment method."}
          </p>
          {action}
        </div>
      </Callout>
    );
  }
  return (
    <Callout tone="warning" className="mb-6" title="A payment failed">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p>
          Stripe will retry the card. If the invoice is still unpaid on {deadline}, {org.name} becomes read-only until it is paid.
        </p>
        {action}
      </div>
    </Callout>
  );
}
