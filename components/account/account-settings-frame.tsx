import type { ComponentProps, ReactNode } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { AccountMenu } from "./account-menu";
import { AccountNav } from "./account-nav";
import { AccountShell, BackToDashboard } from "./account-shell";

type Props = {
  user: ComponentProps<typeof AccountMenu>["user"];
  current: ComponentProps<typeof AccountNav>["current"];
  children: ReactNode;
};

/** The frame every account settings tab shares: shell, header and the tabs, with `current` marked. */
export function AccountSettingsFrame({ user, current, children }: Props) {
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
      <AccountNav current={current} />
      <div className="grid gap-8">{children}</div>
    </AccountShell>
  );
}
