import type { SeatUsage as Seats } from "@/lib/members/seats";
import { cn } from "@/components/ui/cn";

/** "3 of 5 seats used", with a bar; `adding` previews what an invitation would take. Unlimited plans show the count alone. */
export function SeatUsage({ seats, adding = 0, className }: { seats: Seats; adding?: number; className?: string }) {
  const after = seats.used + adding;
  const { limit } = seats;
  if (limit === null) {
    return (
      <p className={cn("text-sm text-muted-foreground", className)}>
        <span className="font-medium text-foreground tabular-nums">{seats.used}</span> seats used
        {adding > 0 && <span> · {after} with these</span>}
      </p>
    );
  }
  const over = after > limit;
  const pct = (n: number) => `${Math.min(100, (n / Math.max(limit, 1)) * 100)}%`;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <p className="text-sm text-muted-foreground">
        <span className="font-medium text-foreground tabular-nums">
          {seats.used} of {limit}
        </span>{" "}
        seats used
        {adding > 0 && <span className={cn(over && "text-danger-text")}> · {over ? `${after - limit} more than your plan allows` : `${after} with these`}</span>}
      </p>
      <div
        role="meter"
        aria-label="Seats used"
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={seats.used}
        className="relative h-1.5 w-full overflow-hidden rounded-full bg-muted sm:w-48"
      >
        <div className={cn("absolute inset-y-0 left-0 rounded-full", over ? "bg-danger/40" : "bg-link/35")} style={{ width: pct(after) }} />
        <div className={cn("absolute inset-y-0 left-0 rounded-full", seats.used >= limit ? "bg-danger" : "bg-link")} style={{ width: pct(seats.used) }} />
      </div>
    </div>
  );
}
