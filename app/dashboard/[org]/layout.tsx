import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { loadAsMember } from "@/lib/orgs/load-as-member";
import { requireCurrentUser } from "@/lib/auth/session";
import { listOrgsForUser } from "@/lib/orgs/service";

type Props = { children: ReactNode; params: Promise<{ org: string }> };

export default async function OrgLayout({ children, params }: Props) {
  const { org: slug } = await params;
  const path = `/dashboard/${slug}`;
  const { user } = await requireCurrentUser(path);
  const [{ role, ...org }, orgs] = await Promise.all([loadAsMember(slug, "org:read", path, async (ctx) => ({ ...ctx.org, role: ctx.role })), listOrgsForUser(user.id)]);

  return (
    <DashboardProvider value={{ org, role, user: { id: user.id, name: user.name, email: user.email } }}>
      <AppShell orgs={orgs}>{children}</AppShell>
    </DashboardProvider>
  );
}
