import { AccountSkeleton } from "@/components/account/account-skeleton";
import { AccountShell, BackToDashboard } from "@/components/account/account-shell";
import { PageHeader } from "@/components/dashboard/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function AccountLoading() {
  return (
    <AccountShell
      home="/dashboard"
      actions={
        <>
          <BackToDashboard />
          <Skeleton round className="size-8" />
        </>
      }
    >
      <PageHeader title="Account" description={<Skeleton className="h-4 w-72 max-w-full" />} />
      <AccountSkeleton />
    </AccountShell>
  );
}
