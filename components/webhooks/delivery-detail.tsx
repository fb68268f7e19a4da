"use client";

import { errorMessage } from "@/components/forms/field-errors";
import { Callout } from "@/components/ui/callout";
import { formatDateTime } from "@/components/ui/format-date";
import { Skeleton } from "@/components/ui/skeleton";
import { useWebhookDelivery } from "./use-webhooks";

/** Pretty-printed when it is JSON, as sent otherwise. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function Headers({ headers }: { headers: Record<string, string> | null }) {
  if (!headers || Object.keys(headers).length === 0) return <p className="text-sm text-muted-foreground">None recorded.</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
      {Object.entries(headers).map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-muted-foreground">{name}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const Block = ({ children }: { children: string }) => (
  <pre className="max-h-72 overflow-auto rounded-lg border bg-surface p-3 font-mono text-xs whitespace-pre-wrap break-all">{children}</pre>
);

/** What the last attempt sent and what came back, loaded when the row is opened. */
export function DeliveryDetail({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const detail = useWebhookDelivery(endpointId, deliveryId, true);
  if (detail.isPending) return <Skeleton className="h-32 w-full" />;
  if (detail.isError) return <Callout tone="error">{errorMessage(detail.error)}</Callout>;
  const d = detail.data;
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <div className="grid content-start gap-2">
        <h3 className="text-sm font-semibold">Request</h3>
        <p className="font-mono text-xs break-all">POST {d.request.url}</p>
        <Headers headers={d.request.headers} />
        <Block>{readable(d.request.body)}</Block>
      </div>
      <div className="grid content-start gap-2">
        <h3 className="text-sm font-semibold">Response</h3>
        <p className="text-sm">
          {d.responseStatus !== null ? `HTTP ${d.responseStatus}` : "No response"}
          {d.durationMs !== null && ` in ${d.durationMs} ms`}
          {d.lastAttemptAt && <span className="text-muted-foreground"> · attempt {d.attempts}, {formatDateTime(d.lastAttemptAt)}</span>}
        </p>
        {d.error && <Callout tone={d.status === "succeeded" ? "info" : "warning"}>{d.error}</Callout>}
        {d.nextAttemptAt && d.status === "pending" && <p className="text-sm text-muted-foreground">Next attempt {formatDateTime(d.nextAttemptAt)}.</p>}
        <Headers headers={d.response.headers} />
        {d.response.body ? <Block>{d.response.body}</Block> : <p className="text-sm text-muted-foreground">No body.</p>}
      </div>
    </div>
  );
}
