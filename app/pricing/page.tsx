import type { Metadata } from "next";
import { TestModeBadge } from "@/components/billing/test-mode-badge";
import { MarketingShell } from "@/components/marketing/marketing-shell";
import { PricingCard } from "@/components/marketing/pricing-card";
import { PLANS, PRICING_FAQ } from "@/components/marketing/plans";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Free for small teams, per-seat Pro for growing ones, and Enterprise with a dedicated database.",
};

export default function PricingPage() {
  return (
    <MarketingShell>
      <div className="relative isolate">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-[28rem] bg-[radial-gradient(50rem_22rem_at_50%_-6rem,color-mix(in_oklch,var(--color-primary)_14%,transparent),transparent)]"
        />
        <div className="mx-auto max-w-6xl px-4 pt-16 pb-20 sm:px-6 sm:pt-24">
          <div className="mx-auto max-w-2xl text-center">
            <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">Simple pricing that grows with your team</h1>
            <p className="mt-5 text-base leading-7 text-muted-foreground sm:text-lg">
              Start free. Pay per member when you need more room. Every plan includes organizations, roles and tenant isolation.
            </p>
          </div>
          <div className="mt-14 grid gap-6 lg:grid-cols-3 lg:items-start">
            {PLANS.map((plan) => (
              <PricingCard key={plan.id} plan={plan} />
            ))}
          </div>
          <p className="mt-8 text-center text-sm text-muted-foreground">Prices in US dollars, excluding tax.</p>
          <div className="mt-4 flex justify-center">
            <TestModeBadge />
          </div>
        </div>
      </div>

      <section aria-labelledby="faq-title" className="border-t bg-subtle">
        <div className="mx-auto max-w-3xl px-4 py-20 sm:px-6">
          <h2 id="faq-title" className="text-2xl font-semibold tracking-tight sm:text-3xl">
            Questions
          </h2>
          <dl className="mt-8 divide-y rounded-xl border bg-surface">
            {PRICING_FAQ.map((item) => (
              <div key={item.question} className="p-5 sm:p-6">
                <dt className="font-medium">{item.question}</dt>
                <dd className="mt-2 text-sm leading-6 text-muted-foreground">{item.answer}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
    </MarketingShell>
  );
}
