"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import type { OrgSummary } from "@/lib/orgs/service";
import { LogoMark } from "@/components/brand/logo";
import { BillingNotice } from "./billing-notice";
import { useDashboard } from "./dashboard-context";
import { MobileSidebar } from "./mobile-sidebar";
import { Sidebar } from "./sidebar";
import { UsageBanner } from "./usage-banner";

/** Sidebar beside the page from `lg` up; a top bar with a drawer below it; the dunning notice and the plan-limit banner above the page. */
export function AppShell({ orgs, showUsage, children }: { orgs: OrgSummary[]; showUsage: boolean; children: ReactNode }) {
  const { org } = useDashboard();
  const pathname = usePathname();

  return (
    <div className="min-h-dvh bg-background lg:grid lg:grid-cols-[17rem_minmax(0,1fr)]">
      <aside aria-label="Sidebar" className="sticky top-0 hidden h-dvh border-r bg-subtle lg:block">
        <Sidebar orgs={orgs} />
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/90 px-4 backdrop-blur lg:hidden">
          <MobileSidebar key={pathname} orgs={orgs} />
          <LogoMark />
          <span className="truncate text-sm font-semibold">{org.name}</span>
        </header>
        <main id="main" className="flex-1 px-4 py-8 sm:px-6 lg:px-10 lg:py-10">
          <div className="mx-auto max-w-5xl">
            <BillingNotice />
            {showUsage && <UsageBanner />}
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
