import { Skeleton } from "@/components/ui/skeleton";

/** The settings page's shape while the profile loads. */
export function AccountSkeleton() {
  return (
    <div role="status" aria-label="Loading your account" className="grid gap-8">
      {[3, 2, 3].map((fields, i) => (
        <div key={i} className="rounded-xl border bg-surface shadow-xs">
          <div className="grid gap-2 p-5 sm:p-6">
            <Skeleton className="h-5 w-32" />
            <Skeleton className="h-4 w-3/4 max-w-md" />
            <div className="mt-4 grid max-w-lg gap-4">
              {Array.from({ length: fields }, (_, j) => (
                <div key={j} className="grid gap-1.5">
                  <Skeleton className="h-4 w-24" />
                  <Skeleton className="h-9 w-full" />
                </div>
              ))}
            </div>
          </div>
          <div className="flex justify-end rounded-b-xl border-t bg-subtle px-5 py-3 sm:px-6">
            <Skeleton className="h-9 w-28" />
          </div>
        </div>
      ))}
    </div>
  );
}
