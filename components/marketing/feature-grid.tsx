import type { ComponentType } from "react";
import { CircleCheckIcon, CreditCardIcon, DatabaseIcon, LockIcon, UsersIcon, ZapIcon } from "@/components/ui/icons";

const FEATURES: { title: string; body: string; Icon: ComponentType<{ className?: string }> }[] = [
  {
    title: "Organizations and roles",
    body: "People belong to many organizations as owner, admin, member or viewer. Code checks permissions, never roles, from one table.",
    Icon: UsersIcon,
  },
  {
    title: "Row-level security",
    body: "Every query filters by organization, and Postgres policies confine each transaction to one tenant, so a forgotten filter still leaks nothing.",
    Icon: DatabaseIcon,
  },
  {
    title: "Authentication",
    body: "Email and password, magic links and OAuth through NextAuth, with sessions you can revoke on every device at once.",
    Icon: LockIcon,
  },
  {
    title: "Teams and seats",
    body: "Invitations by email, roles, ownership transfer and an audit log of every change, with seat and plan limits read from one entitlements module.",
    Icon: CreditCardIcon,
  },
  {
    title: "API-first",
    body: "The dashboard calls the same validated, rate-limited REST API your customers can, with RFC 9457 errors everywhere.",
    Icon: ZapIcon,
  },
  {
    title: "Tested end to end",
    body: "Unit, integration and Playwright tests, including one that proves an unfiltered query still sees a single tenant.",
    Icon: CircleCheckIcon,
  },
];

export function FeatureGrid() {
  return (
    <ul className="grid gap-px overflow-hidden rounded-2xl border bg-border sm:grid-cols-2 lg:grid-cols-3">
      {FEATURES.map(({ title, body, Icon }) => (
        <li key={title} className="bg-surface p-6 sm:p-8">
          <span className="inline-flex size-10 items-center justify-center rounded-lg bg-primary/10 text-link ring-1 ring-primary/15 ring-inset">
            <Icon className="size-5" />
          </span>
          <h3 className="mt-5 text-base font-semibold">{title}</h3>
          <p className="mt-2 text-sm leading-6 text-muted-foreground">{body}</p>
        </li>
      ))}
    </ul>
  );
}
