import Link from "next/link";
import { FeatureGrid } from "@/components/marketing/feature-grid";
import { MarketingShell } from "@/components/marketing/marketing-shell";
import { ProductPreview } from "@/components/marketing/product-preview";
import { buttonClasses } from "@/components/ui/button";
import { ArrowRightIcon } from "@/components/ui/icons";

const STEPS = [
  { title: "Fork and run", body: "npm run dev starts an embedded Postgres, applies migrations and seeds a demo organization. Nothing to install." },
  { title: "Make it yours", body: "Swap the sample Projects resource for your own domain. Tenancy, auth, permissions and the API come along." },
  { title: "Deploy", body: "Standalone output for any container host. Add Postgres, Redis and Resend settings when you are ready." },
] as const;

export default function LandingPage() {
  return (
    <MarketingShell>
      <section aria-labelledby="hero-title" className="relative overflow-hidden">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-[36rem] bg-[radial-gradient(60rem_28rem_at_50%_-8rem,color-mix(in_oklch,var(--color-primary)_18%,transparent),transparent)]"
        />
        <div className="mx-auto max-w-6xl px-4 pt-16 pb-16 sm:px-6 sm:pt-24 lg:pb-24">
          <div className="mx-auto max-w-3xl text-center">
            <p className="inline-flex items-center gap-2 rounded-full border bg-surface/70 px-3 py-1 text-xs font-medium text-muted-foreground shadow-xs">
              <span className="size-1.5 rounded-full bg-emerald-500" aria-hidden="true" />
              Open source · MIT licensed
            </p>
            <h1 id="hero-title" className="mt-6 text-4xl font-semibold tracking-tight text-balance sm:text-5xl lg:text-6xl">
              The multi-tenant SaaS starter you own
            </h1>
            <p className="mx-auto mt-6 max-w-2xl text-base leading-7 text-pretty text-muted-foreground sm:text-lg sm:leading-8">
              Tenantkit is a Next.js starter with organizations and roles, Postgres row-level security, authentication and a billing-ready data
              model, wired together and tested. Fork it and build your product, not its plumbing.
            </p>
            <div className="mt-9 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center">
              <Link href="/sign-up" className={buttonClasses({ size: "lg" })}>
                Get started free
                <ArrowRightIcon />
              </Link>
              <Link href="/pricing" className={buttonClasses({ variant: "secondary", size: "lg" })}>
                View pricing
              </Link>
            </div>
          </div>
          <div className="mx-auto mt-16 max-w-4xl sm:mt-20">
            <ProductPreview />
          </div>
        </div>
      </section>

      <section id="features" aria-labelledby="features-title" className="scroll-mt-20 border-t bg-subtle">
        <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-24">
          <div className="max-w-2xl">
            <p className="text-sm font-semibold text-link">What you get</p>
            <h2 id="features-title" className="mt-2 text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
              Everything a multi-tenant product needs on day one
            </h2>
            <p className="mt-4 text-base leading-7 text-muted-foreground">
              The hard, boring parts of B2B SaaS, done once and done carefully, so every feature you add is tenant-safe by default.
            </p>
          </div>
          <div className="mt-12">
            <FeatureGrid />
          </div>
        </div>
      </section>

      <section aria-labelledby="steps-title" className="border-t">
        <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-24">
          <h2 id="steps-title" className="text-3xl font-semibold tracking-tight sm:text-4xl">
            From fork to production
          </h2>
          <ol className="mt-12 grid gap-8 md:grid-cols-3">
            {STEPS.map((step, index) => (
              <li key={step.title} className="relative border-l-2 border-primary/30 pl-6">
                <span className="font-mono text-sm text-link">{String(index + 1).padStart(2, "0")}</span>
                <h3 className="mt-2 text-lg font-semibold">{step.title}</h3>
                <p className="mt-2 text-sm leading-6 text-muted-foreground">{step.body}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section aria-labelledby="cta-title" className="border-t">
        <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
          <div className="relative isolate overflow-hidden rounded-2xl border bg-surface px-6 py-14 text-center shadow-sm sm:px-12">
            <div
              aria-hidden="true"
              className="pointer-events-none absolute inset-0 -z-10 bg-[radial-gradient(40rem_18rem_at_50%_130%,color-mix(in_oklch,var(--color-primary)_22%,transparent),transparent)]"
            />
            <h2 id="cta-title" className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
              Start with a workspace in under a minute
            </h2>
            <p className="mx-auto mt-4 max-w-xl text-base leading-7 text-muted-foreground">
              Sign up, create an organization, bring your team. Free while you are small.
            </p>
            <div className="mt-8 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center">
              <Link href="/sign-up" className={buttonClasses({ size: "lg" })}>
                Create your account
              </Link>
              <Link href="/pricing" className={buttonClasses({ variant: "ghost", size: "lg" })}>
                Compare plans
                <ArrowRightIcon />
              </Link>
            </div>
          </div>
        </div>
      </section>
    </MarketingShell>
  );
}
