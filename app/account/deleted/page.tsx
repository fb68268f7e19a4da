import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AccountShell } from "@/components/account/account-shell";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

/** Where deleting an account lands, signed out: a plain goodbye and two ways onward. */
export default function AccountDeletedPage() {
  return (
    <AccountShell>
      <div className="flex justify-center sm:pt-6">
        <AuthCard title="Your account was deleted">
          <div className="grid gap-6 text-center">
            <p className="text-sm leading-6 text-muted-foreground">
              Your profile, sign-in methods and memberships are gone, and so are the organizations where you were the only member. Thank you for trying us.
            </p>
            <div className="grid gap-2">
              <Link href="/" className={buttonClasses({ className: "w-full" })}>
                Go to the home page
              </Link>
              <Link href="/sign-up" className={buttonClasses({ variant: "ghost", className: "w-full" })}>
                Create a new account
              </Link>
            </div>
          </div>
        </AuthCard>
      </div>
    </AccountShell>
  );
}
