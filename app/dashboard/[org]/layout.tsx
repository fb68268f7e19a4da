import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { loadOrgSession } from "@/lib/orgs/load-as-member";
import { can } from "@/lib/auth/permissions";
import { planOf } from "@/lib/billing/plans";

type Props = { children: ReactNode; params: Promise<{ org: string }> };

export default async function OrgLayout({ children, params }: Props) {
  const { org: slug } = await params;
  const { org, role, billing, user, orgs } = await loadOrgSession(slug, `/dashboard/${slug}`);
  const plan = planOf(billing.plan);

  return (
    <DashboardProvider
      value={{
        org,
        role,
        billing: { graceEndsAt: billing.graceEndsAt?.toISOString() ?? null, readOnly: billing.readOnly },
        user: { id: user.id, name: user.name, email: user.email },
        plan: { name: plan.name, features: plan.features },
      }}
    >
      {/* The plan-limit banner is for those who can act on it; it fetches usage itself, so rendering a page counts no rows. */}
      <AppShell orgs={orgs} showUsage={can(role, "billing:manage")}>{children}</AppShell>
    </DashboardProvider>
  );
}
