import { ENTITLEMENTS } from "@/lib/billing/entitlements";

/**
 * The public price list. Limits come from lib/billing/entitlements.ts, so the page cannot
 * promise what the app does not enforce; prices are static until Stripe prices drive them.
 */
export type Plan = {
  id: "free" | "pro" | "enterprise";
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

export const PLANS: Plan[] = [
  {
    id: "free",
    name: "Free",
    tagline: "For side projects and small teams finding their feet.",
    price: "$0",
    priceNote: "forever",
    seats: `Up to ${ENTITLEMENTS.free.includedSeats} members`,
    features: ["Unlimited projects", "Owner, admin, member and viewer roles", "Email, magic-link and OAuth sign-in", "Community support"],
    cta: { label: "Get started", href: "/sign-up" },
  },
  {
    id: "pro",
    name: "Pro",
    tagline: "For growing teams that need room and an API.",
    price: "$12",
    priceNote: "per member / month",
    seats: "Unlimited members, billed per seat",
    features: ["Everything in Free", "API access with keys", "Seat changes prorated to the day", "Invoices and billing portal", "Email support"],
    cta: { label: "Start with Pro", href: "/sign-up" },
    highlighted: true,
  },
  {
    id: "enterprise",
    name: "Enterprise",
    tagline: "For organizations with security and compliance needs.",
    price: "Custom",
    priceNote: "annual agreement",
    seats: "Volume pricing for large teams",
    features: ["Everything in Pro", "Dedicated database per organization", "SAML single sign-on", "Uptime SLA", "Priority support"],
    cta: { label: "Contact sales", href: `mailto:${SALES_EMAIL}` },
  },
];

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
    question: "Is Tenantkit open source?",
    answer: "Yes. The code is MIT licensed: self-host it, or fork it as the foundation of your own product.",
  },
] as const;
