import type { Metadata } from "next";
import { AccountShell } from "@/components/account/account-shell";
import { ConfirmEmailResult } from "@/components/account/confirm-email-result";
import { firstParam, type SearchParams } from "@/components/search-params";
import { confirmEmailChange } from "@/lib/account/email-change-confirm";

export const metadata: Metadata = { title: "Confirm email address", robots: { index: false } };

/**
 * Opened from the email, often in another browser or signed out: the token alone proves
 * the request and the new inbox. Opening it is the confirmation (the change is the one the
 * user asked for, so a mail scanner opening it first does no harm; see the outcomes).
 */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const outcome = await confirmEmailChange(firstParam((await searchParams).token) ?? "");
  return (
    <AccountShell>
      <div className="flex justify-center sm:pt-6">
        <ConfirmEmailResult outcome={outcome} />
      </div>
    </AccountShell>
  );
}
