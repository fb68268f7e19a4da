import Link from "next/link";
import type { OrgSummary } from "@/lib/orgs/service";
import { Logo } from "@/components/brand/logo";
import { BookIcon } from "@/components/ui/icons";
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
      <div className="mt-auto grid gap-3 border-t pt-4">
        <Link
          href="/docs/api"
          className="flex items-center gap-3 rounded-md px-2.5 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-muted/70 hover:text-foreground"
        >
          <BookIcon className="size-4" />
          API reference
        </Link>
        <UserMenu />
      </div>
    </div>
  );
}
