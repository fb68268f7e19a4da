import type { Metadata } from "next";
import { AccountSettingsFrame } from "@/components/account/account-settings-frame";
import { DataSection } from "@/components/account/data-section";
import { DeleteAccountSection } from "@/components/account/delete-account-section";
import { EmailSection } from "@/components/account/email-section";
import { PasswordSection } from "@/components/account/password-section";
import { ProfileSection } from "@/components/account/profile-section";
import { getProfile } from "@/lib/account/profile";
import { requireCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user } = await requireCurrentUser("/account");
  const profile = await getProfile(user.id);

  return (
    <AccountSettingsFrame user={user} current="/account">
      <ProfileSection profile={profile} />
      <EmailSection profile={profile} />
      <PasswordSection profile={profile} />
      <DataSection />
      <DeleteAccountSection email={profile.email} />
    </AccountSettingsFrame>
  );
}
