import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { buttonClasses } from "@/components/ui/button";
import { ArrowRightIcon } from "@/components/ui/icons";
import { ThemeToggle } from "@/components/theme/theme-toggle";

/**
 * The frame of the account pages, which belong to the person rather than to an org. Pages
 * for signed-in users pass `home="/dashboard"` and their actions (BackToDashboard and the
 * account menu); pages that may be opened signed out keep the theme toggle.
 */
export function AccountShell({ home = "/", actions = <ThemeToggle />, children }: { home?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-subtle">
      <header className="sticky top-0 z-30 border-b bg-background/90 backdrop-blur">
        <div className="mx-auto flex h-14 w-full max-w-3xl items-center gap-2 px-4 sm:px-6">
          <Link href={home} className="mr-auto rounded-md" aria-label={home === "/" ? "Tenantkit home" : "Tenantkit dashboard"}>
            <Logo />
          </Link>
          {actions}
        </div>
      </header>
      <main id="main" className="flex-1 px-4 pt-8 pb-16 sm:px-6 sm:pt-12">
        <div className="mx-auto w-full max-w-3xl">{children}</div>
      </main>
    </div>
  );
}

export function BackToDashboard() {
  return (
    <Link href="/dashboard" className={buttonClasses({ variant: "ghost", size: "sm", className: "text-muted-foreground hover:text-foreground" })}>
      <ArrowRightIcon className="size-4 rotate-180" />
      <span className="sm:hidden">Dashboard</span>
      <span className="hidden sm:inline">Back to dashboard</span>
    </Link>
  );
}
