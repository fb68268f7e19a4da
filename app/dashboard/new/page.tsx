import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { CreateOrgForm } from "@/components/dashboard/create-org-form";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { requireCurrentUser } from "@/lib/auth/session";
import { listOrgsForUser } from "@/lib/orgs/service";

export const metadata: Metadata = { title: "Create organization" };

export default async function NewOrgPage() {
  const { user } = await requireCurrentUser("/dashboard/new");
  const orgs = await listOrgsForUser(user.id);

  return (
    <div className="flex min-h-dvh flex-col bg-subtle">
      <header className="mx-auto flex h-16 w-full max-w-6xl items-center justify-between px-4 sm:px-6">
        <Link href="/dashboard" className="rounded-md" aria-label="Tenantkit dashboard">
          <Logo />
        </Link>
        <ThemeToggle />
      </header>
      <main id="main" className="flex flex-1 justify-center px-4 pt-6 pb-16 sm:pt-16">
        <div className="w-full max-w-lg">
          <div className="rounded-2xl border bg-surface p-6 shadow-sm sm:p-8">
            <h1 className="text-xl font-semibold tracking-tight">Create an organization</h1>
            <p className="mt-1.5 mb-6 text-sm text-muted-foreground">
              An organization holds projects and the people who work on them. You will be its owner.
            </p>
            <CreateOrgForm canCancel={orgs.length > 0} />
          </div>
          <p className="mt-6 text-center text-sm text-muted-foreground">Signed in as {user.email}</p>
        </div>
      </main>
    </div>
  );
}
