import { FEATURES, PLAN_IDS, PLANS as PLAN_DEFINITIONS, type Feature, type Plan as PlanDefinition, type PlanId } from "@/lib/billing/plans";

/**
 * The public price list, rendered from lib/billing/plans.ts: every price, seat count,
 * limit, feature and trial below is read from the plan definitions the app enforces, so
 * the page cannot promise what the code does not do. Only the wording lives here.
 */
export type Plan = {
  id: PlanId;
  name: string;
  tagline: string;
  price: string;
  priceNote: string;
  seats: string;
  features: string[];
  cta: { label: string; href: string };
  highlighted?: boolean;
};

const SALES_EMAIL = "sales@tenantkit.dev";

/** Marketing copy per plan: what each is for and where its button leads. */
const COPY: Record<PlanId, Pick<Plan, "tagline" | "cta" | "highlighted">> = {
  free: { tagline: "For side projects and small teams finding their feet.", cta: { label: "Get started", href: "/sign-up" } },
  pro: { tagline: "For growing teams that need room and an API.", cta: { label: "Start with Pro", href: "/sign-up" }, highlighted: true },
  enterprise: { tagline: "For organizations with security and compliance needs.", cta: { label: "Contact sales", href: `mailto:${SALES_EMAIL}` } },
};

const FEATURE_COPY: Record<Feature, string> = {
  apiAccess: "API access with keys",
  requireTwoFactor: "Require two-factor sign-in for every member",
  auditLogExport: "Audit-log export as CSV",
};

const count = (n: number) => n.toLocaleString("en-US");

function price(plan: PlanDefinition): Pick<Plan, "price" | "priceNote"> {
  if (plan.pricePerSeatCents === null) return { price: "Custom", priceNote: "annual agreement" };
  if (plan.pricePerSeatCents === 0) return { price: "$0", priceNote: "forever" };
  const dollars = plan.pricePerSeatCents / 100;
  return { price: `$${Number.isInteger(dollars) ? dollars : dollars.toFixed(2)}`, priceNote: "per member / month" };
}

function seats(plan: PlanDefinition): string {
  switch (plan.seats.kind) {
    case "included":
      return `Up to ${count(plan.seats.seats)} members`;
    case "per-seat":
      return "Unlimited members, billed per seat";
    case "contract":
      return "Seats by agreement, volume pricing";
  }
}

const limit = (n: number | null, unit: string, unlimited: string) => (n === null ? unlimited : `Up to ${count(n)} ${unit}`);

/** The bullets: what the plan adds over the one before it, all read from its definition. */
function features(plan: PlanDefinition, previous: PlanDefinition | undefined): string[] {
  const bullets: string[] = [];
  if (previous) bullets.push(`Everything in ${previous.name}`);
  if (plan.trialDays > 0) bullets.push(`${plan.trialDays}-day free trial`);
  if (!previous || plan.limits.projects !== previous.limits.projects) bullets.push(limit(plan.limits.projects, "projects", "Unlimited projects"));
  for (const feature of FEATURES) if (plan.features[feature] && !previous?.features[feature]) bullets.push(FEATURE_COPY[feature]);
  if (plan.features.apiAccess && plan.limits.apiCallsPerMonth !== previous?.limits.apiCallsPerMonth) {
    bullets.push(limit(plan.limits.apiCallsPerMonth, "API calls / month", "Unlimited API calls"));
  }
  bullets.push(`Audit log kept ${plan.auditLogRetentionDays % 365 === 0 ? `${plan.auditLogRetentionDays / 365} year${plan.auditLogRetentionDays === 365 ? "" : "s"}` : `${plan.auditLogRetentionDays} days`}`);
  if (plan.seats.kind === "per-seat") bullets.push("Seat changes prorated to the day", "Invoices and billing portal");
  return bullets;
}

export const PLANS: Plan[] = PLAN_IDS.map((id, index) => {
  const plan = PLAN_DEFINITIONS[id];
  const previous = index > 0 ? PLAN_DEFINITIONS[PLAN_IDS[index - 1]!] : undefined;
  return { id, name: plan.name, ...COPY[id], ...price(plan), seats: seats(plan), features: features(plan, previous) };
});

export const PRICING_FAQ = [
  {
    question: "How are seats counted?",
    answer: "A seat is one member of an organization. Adding or removing people changes the subscription, prorated to the day.",
  },
  {
    question: "Are plans per person or per organization?",
    answer: "Per organization. You can belong to several organizations, each on its own plan, with one account.",
  },
  {
    question: "Can I change plans later?",
    answer: "Yes. Upgrade or downgrade whenever you like; the difference is prorated on your next invoice.",
  },
  {
    question: "What happens to my data if I go over a limit or downgrade?",
    answer: "Nothing is deleted. Everything you have stays readable and editable; only adding more than the plan allows is refused until you upgrade.",
  },
  {
    question: "Is Tenantkit open source?",
    answer: "Yes. The code is MIT licensed: self-host it, or fork it as the foundation of your own product.",
  },
] as const;
