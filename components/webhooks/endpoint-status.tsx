import type { WebhookEndpointDto } from "@/lib/webhooks/schemas";
import { Badge } from "@/components/ui/badge";

export function EndpointStatus({ endpoint }: { endpoint: Pick<WebhookEndpointDto, "enabled" | "consecutiveFailures"> }) {
  if (!endpoint.enabled) return <Badge tone="amber">Disabled</Badge>;
  if (endpoint.consecutiveFailures > 0) return <Badge tone="amber">Failing</Badge>;
  return <Badge tone="green">Active</Badge>;
}
