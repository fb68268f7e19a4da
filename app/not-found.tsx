import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";

export const metadata: Metadata = { title: "Page not found" };

// Also shown for organizations you are not a member of: we do not say whether they exist.
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-16 w-full max-w-6xl items-center px-4 sm:px-6">
        <Link href="/" className="rounded-md" aria-label="Tenantkit home">
          <Logo />
        </Link>
      </header>
      <main id="main" className="flex-1">
        <ErrorState
          code="404"
          title="Page not found"
          description="This page doesn't exist, or it belongs to an organization you're not a member of."
          actions={
            <>
              <Link href="/dashboard" className={buttonClasses()}>
                Go to your dashboard
              </Link>
              <Link href="/" className={buttonClasses({ variant: "secondary" })}>
                Home
              </Link>
            </>
          }
        />
      </main>
    </div>
  );
}
