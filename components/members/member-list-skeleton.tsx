import { Skeleton } from "@/components/ui/skeleton";

export function MemberListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading members" className="divide-y overflow-hidden rounded-xl border bg-surface shadow-xs">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4 px-4 py-4 sm:px-5">
          <Skeleton round className="size-9" />
          <div className="grid flex-1 gap-2">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-3 w-48" />
          </div>
          <Skeleton round className="h-5 w-16" />
        </div>
      ))}
    </div>
  );
}
