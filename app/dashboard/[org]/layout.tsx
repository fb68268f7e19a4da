import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { loadOrgSession } from "@/lib/orgs/load-as-member";
import { can } from "@/lib/auth/permissions";

type Props = { children: ReactNode; params: Promise<{ org: string }> };

export default async function OrgLayout({ children, params }: Props) {
  const { org: slug } = await params;
  const { org, role, billing, user, orgs } = await loadOrgSession(slug, `/dashboard/${slug}`);

  return (
    <DashboardProvider
      value={{
        org,
        role,
        billing: { graceEndsAt: billing.graceEndsAt?.toISOString() ?? null, readOnly: billing.readOnly },
        user: { id: user.id, name: user.name, email: user.email },
      }}
    >
      {/* The plan-limit banner is for those who can act on it; it fetches usage itself, so rendering a page counts no rows. */}
      <AppShell orgs={orgs} showUsage={can(role, "billing:manage")}>{children}</AppShell>
    </DashboardProvider>
  );
}
