import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { loadAsMember } from "@/lib/orgs/load-as-member";
import { requireCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { orgUsage } from "@/lib/billing/entitlements";
import { listOrgsForUser } from "@/lib/orgs/service";

type Props = { children: ReactNode; params: Promise<{ org: string }> };

export default async function OrgLayout({ children, params }: Props) {
  const { org: slug } = await params;
  const path = `/dashboard/${slug}`;
  const { user } = await requireCurrentUser(path);
  const [{ role, usage, billing, ...org }, orgs] = await Promise.all([
    // Usage only for those who can act on it (billing:manage): it feeds the plan-limit banner.
    loadAsMember(slug, "org:read", path, async (ctx, tx) => ({
      ...ctx.org,
      role: ctx.role,
      billing: { graceEndsAt: ctx.billing?.graceEndsAt?.toISOString() ?? null, readOnly: ctx.billing?.readOnly ?? false },
      usage: can(ctx.role, "billing:manage") ? await orgUsage(ctx, tx) : null,
    })),
    listOrgsForUser(user.id),
  ]);

  return (
    <DashboardProvider value={{ org, role, billing, user: { id: user.id, name: user.name, email: user.email } }}>
      <AppShell orgs={orgs} usage={usage}>{children}</AppShell>
    </DashboardProvider>
  );
}
