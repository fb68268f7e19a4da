import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CheckIcon } from "@/components/ui/icons";
import type { Plan } from "./plans";

export function PricingCard({ plan }: { plan: Plan }) {
  const titleId = `plan-${plan.id}`;
  return (
    <section
      aria-labelledby={titleId}
      className={cn(
        "relative flex flex-col rounded-2xl border bg-surface p-6 shadow-xs sm:p-8",
        plan.highlighted && "border-primary/60 shadow-lg shadow-indigo-950/5 ring-1 ring-primary/60",
      )}
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {plan.name}
        </h2>
        {plan.highlighted && <span className="rounded-full bg-primary/10 px-2.5 py-0.5 text-xs font-medium text-link ring-1 ring-primary/20 ring-inset">Most popular</span>}
      </div>
      <p className="mt-2 text-sm leading-6 text-muted-foreground">{plan.tagline}</p>
      <p className="mt-6 flex items-baseline gap-2">
        <span className="text-4xl font-semibold tracking-tight">{plan.price}</span>
        <span className="text-sm text-muted-foreground">{plan.priceNote}</span>
      </p>
      <p className="mt-2 text-sm font-medium">{plan.seats}</p>
      <Link href={plan.cta.href} className={buttonClasses({ variant: plan.highlighted ? "primary" : "secondary", className: "mt-6 w-full" })}>
        {plan.cta.label}
      </Link>
      <ul className="mt-8 grid gap-3 border-t pt-6 text-sm" aria-label={`${plan.name} includes`}>
        {plan.features.map((feature) => (
          <li key={feature} className="flex gap-3">
            <CheckIcon className="mt-0.5 size-4 shrink-0 text-link" />
            {feature}
          </li>
        ))}
      </ul>
    </section>
  );
}
