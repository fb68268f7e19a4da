import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { features } from "@/lib/env";

/**
 * "Test mode" wherever billing shows while it talks to the local Stripe stand-in (`npm run dev`
 * without keys): nobody should think money moves. Renders nothing with real Stripe keys.
 * Server component: the flag is server-side configuration.
 */
export function TestModeBadge({ withLink = true }: { withLink?: boolean }) {
  if (!features.localStripe) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm text-muted-foreground" data-testid="billing-test-mode">
      <Badge tone="amber" dot>
        Test mode
      </Badge>
      <span>Payments go to a local Stripe stand-in: no real money.</span>
      {withLink && (
        <Link href="/dev/billing" className="font-medium text-foreground underline underline-offset-4">
          Trigger billing events
        </Link>
      )}
    </span>
  );
}
