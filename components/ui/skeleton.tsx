import { cn } from "./cn";

/** A placeholder block; the region that shows skeletons carries role="status" and a label. */
export function Skeleton({ className, round = false }: { className?: string; round?: boolean }) {
  return <div aria-hidden="true" className={cn("animate-pulse bg-muted", round ? "rounded-full" : "rounded-md", className)} />;
}
