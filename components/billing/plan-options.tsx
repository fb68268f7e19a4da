"use client";

import type { PlanId } from "@/lib/billing/plans";
import type { Plan } from "@/components/marketing/plans";
import { errorMessage } from "@/components/forms/field-errors";
import { Button, buttonClasses } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { BillingActions } from "./use-billing-actions";

type Props = {
  plans: Plan[];
  current: PlanId;
  /** Checkout needs Stripe configured. */
  configured: boolean;
  /** A subscription exists that cancelling would end (downgrading to Free is cancelling). */
  cancellable: boolean;
  actions: BillingActions;
  onDowngrade: () => void;
};

/** The plans side by side, from the same definitions as the pricing page, with the way to each. */
export function PlanOptions({ plans, current, configured, cancellable, actions, onDowngrade }: Props) {
  const rank = (id: PlanId) => plans.findIndex((p) => p.id === id);
  return (
    <CardSection
      headingId="billing-plans"
      title="Change plan"
      description="Upgrades start with Stripe Checkout; seats follow your team and are prorated to the day."
    >
      <ul className="grid gap-4 md:grid-cols-3">
        {plans.map((plan) => {
          const isCurrent = plan.id === current;
          return (
            <li key={plan.id} className={cn("flex flex-col rounded-lg border p-4", isCurrent && "border-primary/60 ring-1 ring-primary/40")}>
              <p className="font-semibold">{plan.name}</p>
              <p className="mt-1 text-sm">
                <span className="text-lg font-semibold">{plan.price}</span> <span className="text-muted-foreground">{plan.priceNote}</span>
              </p>
              <p className="mt-1 text-sm text-muted-foreground">{plan.seats}</p>
              <div className="mt-4 flex flex-1 items-end">
                {isCurrent ? (
                  <Button variant="secondary" size="sm" className="w-full" disabled>
                    Current plan
                  </Button>
                ) : plan.id === "enterprise" ? (
                  <a
                    href={plan.cta.href}
                    className={buttonClasses({
                      variant: "secondary",
                      size: "sm",
                      className: "w-full",
                    })}
                  >
                    Contact sales
                  </a>
                ) : rank(plan.id) > rank(current) ? (
                  <Button
                    size="sm"
                    className="w-full"
                    disabled={!configured}
                    loading={actions.checkout.isPending && actions.checkout.variables === plan.id}
                    onClick={() => actions.checkout.mutate(plan.id)}
                  >
                    Upgrade to {plan.name}
                  </Button>
                ) : (
                  <Button variant="secondary" size="sm" className="w-full" disabled={!cancellable} onClick={onDowngrade}>
                    Downgrade to {plan.name}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {actions.checkout.isError && (
        <Callout tone="error" className="mt-4">
          {errorMessage(actions.checkout.error)}
        </Callout>
      )}
    </CardSection>
  );
}
