import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  trialing: { label: "Trial", tone: "sky" },
  active: { label: "Active", tone: "green" },
  past_due: { label: "Payment overdue", tone: "amber" },
  unpaid: { label: "Unpaid", tone: "amber" },
  incomplete: { label: "Awaiting payment", tone: "amber" },
  incomplete_expired: { label: "Expired", tone: "neutral" },
  canceled: { label: "Cancelled", tone: "neutral" },
  paused: { label: "Paused", tone: "neutral" },
};

/** Stripe's subscription status in words; unknown statuses show as they are. */
export function SubscriptionStatus({ status }: { status: string }) {
  const known = STATUS[status] ?? { label: status, tone: "neutral" as const };
  return (
    <Badge tone={known.tone} dot>
      {known.label}
    </Badge>
  );
}
