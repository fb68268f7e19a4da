"use client";

import { AccountShell, BackToDashboard } from "@/components/account/account-shell";
import { CrashMessage } from "@/components/ui/crash-message";

export default function AccountError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <AccountShell home="/dashboard" actions={<BackToDashboard />}>
      <CrashMessage error={error} retry={retry} home={{ href: "/dashboard", label: "Go to your dashboard" }} />
    </AccountShell>
  );
}
