import type { Metadata } from "next";
import { AccountMenu } from "@/components/account/account-menu";
import { AccountNav } from "@/components/account/account-nav";
import { AccountShell, BackToDashboard } from "@/components/account/account-shell";
import { DataSection } from "@/components/account/data-section";
import { DeleteAccountSection } from "@/components/account/delete-account-section";
import { EmailSection } from "@/components/account/email-section";
import { PasswordSection } from "@/components/account/password-section";
import { ProfileSection } from "@/components/account/profile-section";
import { PageHeader } from "@/components/dashboard/page-header";
import { getProfile } from "@/lib/account/profile";
import { requireCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user } = await requireCurrentUser("/account");
  const profile = await getProfile(user.id);

  return (
    <AccountShell
      home="/dashboard"
      actions={
        <>
          <BackToDashboard />
          <AccountMenu user={user} />
        </>
      }
    >
      <PageHeader title="Account" description="Your profile, sign-in details and data, the same in every organization you belong to." />
      <AccountNav current="/account" />
      <div className="grid gap-8">
        <ProfileSection profile={profile} />
        <EmailSection profile={profile} />
        <PasswordSection profile={profile} />
        <DataSection />
        <DeleteAccountSection email={profile.email} />
      </div>
    </AccountShell>
  );
}
