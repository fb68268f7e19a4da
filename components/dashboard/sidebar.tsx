import Link from "next/link";
import type { OrgSummary } from "@/lib/orgs/service";
import { Logo } from "@/components/brand/logo";
import { OrgSwitcher } from "./org-switcher";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

/** Everything in the sidebar; the shell shows it fixed on desktop and in a drawer on phones. */
export function Sidebar({ orgs }: { orgs: OrgSummary[] }) {
  return (
    <div className="flex h-full flex-col gap-6 p-4">
      <Link href="/dashboard" className="w-fit rounded-md px-1" aria-label="Tenantkit dashboard">
        <Logo />
      </Link>
      <OrgSwitcher orgs={orgs} />
      <SidebarNav />
      <div className="mt-auto border-t pt-4">
        <UserMenu />
      </div>
    </div>
  );
}
