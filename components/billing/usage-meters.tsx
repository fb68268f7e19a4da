import type { LimitUsage, OrgUsage } from "@/lib/billing/entitlements";
import { CardSection } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const LABELS: Record<LimitUsage["limit"], string> = {
  projects: "Projects",
  members: "Seats",
  apiCallsPerMonth: "API calls this month",
};
const count = (n: number) => n.toLocaleString("en-US");

function Meter({ usage, planName }: { usage: LimitUsage; planName: string }) {
  const id = `usage-${usage.limit}`;
  const notIncluded = usage.max === 0;
  const summary =
    usage.max === null ? `${count(usage.used)} · no limit` : notIncluded ? `Not included in ${planName}` : `${count(usage.used)} of ${count(usage.max)}`;
  const percent = usage.ratio === null ? 0 : Math.min(100, Math.round(usage.ratio * 100));
  return (
    <div className="grid gap-2">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id={id} className="font-medium">
          {LABELS[usage.limit]}
        </span>
        <span className={cn("text-muted-foreground tabular-nums", usage.reached && "font-medium text-danger-text")}>{summary}</span>
      </div>
      {usage.max === null || notIncluded ? null : (
        <div
          role="meter"
          aria-labelledby={id}
          aria-valuemin={0}
          aria-valuemax={usage.max}
          aria-valuenow={usage.used}
          aria-valuetext={summary}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div
            className={cn("h-full rounded-full transition-[width]", usage.reached ? "bg-danger" : usage.warning ? "bg-amber-500" : "bg-primary")}
            style={{ width: `${Math.max(percent, usage.used > 0 ? 2 : 0)}%` }}
          />
        </div>
      )}
    </div>
  );
}

/** Each plan limit as a bar: amber from 80%, red when reached. */
export function UsageMeters({ usage }: { usage: OrgUsage }) {
  return (
    <CardSection
      headingId="billing-usage"
      title="Usage"
      description="What this organization uses against its plan's limits. Nothing is deleted over a limit; only adding more is refused."
    >
      <div className="grid gap-5 sm:grid-cols-3">
        {usage.limits.map((limit) => (
          <Meter key={limit.limit} usage={limit} planName={usage.plan.name} />
        ))}
      </div>
    </CardSection>
  );
}
