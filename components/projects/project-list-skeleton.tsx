import { Skeleton } from "@/components/ui/skeleton";

/** The table's shape while the first page loads. */
export function ProjectListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading projects" className="overflow-hidden rounded-xl border bg-surface shadow-xs">
      <div className="hidden h-10 items-center border-b bg-subtle px-4 md:flex">
        <Skeleton className="h-3 w-16" />
      </div>
      <div className="divide-y">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 px-4 py-4">
            <div className="grid flex-1 gap-2">
              <Skeleton className="h-4 w-2/5 max-w-56" />
              <Skeleton className="h-3 w-3/5 max-w-96" />
            </div>
            <Skeleton round className="h-5 w-16" />
            <Skeleton className="hidden h-4 w-24 md:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
