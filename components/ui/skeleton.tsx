import { cn } from "./cn";

/** A placeholder block; the region that shows skeletons carries aria-busy and a label. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} />;
}
