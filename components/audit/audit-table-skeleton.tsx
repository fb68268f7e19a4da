import { Skeleton } from "@/components/ui/skeleton";

/** The table's shape while events load (also the route's loading UI). */
export function AuditTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading the audit log" className="overflow-hidden rounded-xl border bg-surface shadow-xs">
      <div className="hidden h-10 items-center border-b bg-subtle px-4 md:flex">
        <Skeleton className="h-3 w-20" />
      </div>
      <div className="divide-y">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-start gap-4 px-4 py-4">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-40" />
            <Skeleton round className="h-5 w-28" />
            <Skeleton className="hidden h-4 flex-1 md:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
