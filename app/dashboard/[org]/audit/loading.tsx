import { PageHeader } from "@/components/dashboard/page-header";
import { AuditTableSkeleton } from "@/components/audit/audit-table-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function AuditLoading() {
  return (
    <>
      <PageHeader title="Audit log" description={<Skeleton className="h-4 w-72" />} />
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-[12rem_minmax(0,1fr)_9.5rem_9.5rem]">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-14" />
        ))}
      </div>
      <AuditTableSkeleton />
    </>
  );
}
