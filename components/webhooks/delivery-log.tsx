"use client";

import { Fragment, useState } from "react";
import type { WebhookDeliveryDto, WebhookDeliveryPage, WebhookEndpointDto } from "@/lib/webhooks/schemas";
import { useReadOnlyBlock } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { formatDateTime } from "@/components/ui/format-date";
import { ChevronDownIcon, HistoryIcon, InboxIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { DeliveryDetail } from "./delivery-detail";
import { deliveryStatus } from "./labels";
import { type DeliveryStatusFilter, useWebhookDeliveries, useWebhookMutations } from "./use-webhooks";

const FILTERS: { value: DeliveryStatusFilter; label: string }[] = [
  { value: "all", label: "All deliveries" },
  { value: "succeeded", label: "Delivered" },
  { value: "pending", label: "Queued or retrying" },
  { value: "failed", label: "Failed" },
];

const isFilter = (value: string): value is DeliveryStatusFilter => FILTERS.some((f) => f.value === value);

/** Every delivery to the endpoint, newest first; a row opens to what was sent and what came back. */
export function DeliveryLog({ endpoint, initial }: { endpoint: WebhookEndpointDto; initial: WebhookDeliveryPage }) {
  const [status, setStatus] = useState<DeliveryStatusFilter>("all");
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useWebhookDeliveries(endpoint.id, status, initial);
  const { replay } = useWebhookMutations();
  const block = useReadOnlyBlock();
  const rows = deliveries.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <section aria-labelledby="webhook-deliveries" className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-0.5">
          <h2 id="webhook-deliveries" className="text-base font-semibold">
            Delivery log
          </h2>
          <p className="text-sm text-muted-foreground">Each event sent to this endpoint, its attempts and the last answer.</p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only">Show</span>
          <Select value={status} onChange={(e) => isFilter(e.target.value) && setStatus(e.target.value)} className="w-48">
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {deliveries.isError && <Callout tone="error">{errorMessage(deliveries.error)}</Callout>}
      {deliveries.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : rows.length === 0 ? (
        !deliveries.isError && (
          <p className="flex items-center gap-2 rounded-xl border border-dashed px-4 py-8 text-sm text-muted-foreground">
            <InboxIcon className="size-4" />
            {status === "all" ? "Nothing sent yet. Trigger one of its events, or send a test event." : "No deliveries with this status."}
          </p>
        )
      ) : (
        <div className="overflow-x-auto rounded-xl border bg-surface shadow-xs">
          <table className="w-full text-sm">
            <thead className="border-b bg-subtle text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Event
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Attempts
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Response
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Latency
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Created
                </th>
                <th scope="col" className="px-4 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {rows.map((delivery) => (
                <Fragment key={delivery.id}>
                  <DeliveryRow
                    delivery={delivery}
                    expanded={open === delivery.id}
                    onToggle={() => setOpen(open === delivery.id ? null : delivery.id)}
                    onReplay={() => replay.mutate(delivery)}
                    replayDisabled={block.disabled || !endpoint.enabled}
                    replaying={replay.isPending && replay.variables?.id === delivery.id}
                  />
                  {open === delivery.id && (
                    <tr>
                      <td colSpan={7} id={`delivery-${delivery.id}`} className="bg-subtle/60 px-4 py-4">
                        <DeliveryDetail endpointId={endpoint.id} deliveryId={delivery.id} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deliveries.hasNextPage && (
        <div>
          <Button variant="secondary" size="sm" loading={deliveries.isFetchingNextPage} onClick={() => deliveries.fetchNextPage()}>
            Load older deliveries
          </Button>
        </div>
      )}
    </section>
  );
}

type RowProps = { delivery: WebhookDeliveryDto; expanded: boolean; onToggle: () => void; onReplay: () => void; replayDisabled: boolean; replaying: boolean };

function DeliveryRow({ delivery, expanded, onToggle, onReplay, replayDisabled, replaying }: RowProps) {
  const badge = deliveryStatus(delivery);
  return (
    <tr data-testid="webhook-delivery-row" className={cn(expanded && "bg-subtle/60")}>
      <td className="px-4 py-2.5">
        <Badge tone={badge.tone} dot>
          {badge.label}
        </Badge>
      </td>
      <td className="px-4 py-2.5">
        <code className="font-mono text-xs">{delivery.eventType}</code>
        {delivery.replayOfId && <span className="ml-2 text-xs text-muted-foreground">replay</span>}
      </td>
      <td className="px-4 py-2.5 tabular-nums">{delivery.attempts}</td>
      <td className="px-4 py-2.5 tabular-nums">{delivery.responseStatus ?? (delivery.error ? <span className="text-muted-foreground">No answer</span> : "—")}</td>
      <td className="px-4 py-2.5 tabular-nums">{delivery.durationMs === null ? "—" : `${delivery.durationMs} ms`}</td>
      <td className="px-4 py-2.5 whitespace-nowrap text-muted-foreground">{formatDateTime(delivery.createdAt)}</td>
      <td className="px-4 py-2.5">
        <div className="flex justify-end gap-1">
          <Button variant="subtle" size="xs" disabled={replayDisabled} loading={replaying} onClick={onReplay} title="Send this event again">
            <HistoryIcon className="size-3.5" />
            Replay
          </Button>
          <Button variant="subtle" size="xs" aria-expanded={expanded} aria-controls={`delivery-${delivery.id}`} onClick={onToggle}>
            <ChevronDownIcon className={cn("size-3.5 transition-transform", expanded && "rotate-180")} />
            {expanded ? "Hide" : "Details"}
          </Button>
        </div>
      </td>
    </tr>
  );
}
