"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { WebhookDeliveryPage, WebhookEndpointDto, WebhookEndpointWithSecretDto } from "@/lib/webhooks/schemas";
import { webhooksPath } from "@/lib/webhooks/paths";
import { useDashboard, useReadOnlyBlock } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/dashboard/page-header";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { formatDate } from "@/components/ui/format-date";
import { KeyIcon, ZapIcon } from "@/components/ui/icons";
import { DeliveryLog } from "./delivery-log";
import { EndpointStatus } from "./endpoint-status";
import { SecretReveal } from "./secret-reveal";
import { useWebhookEndpoint, useWebhookMutations } from "./use-webhooks";

/** One endpoint: its state and settings, what can be done with it, and its delivery log. */
export function EndpointView({ initial, deliveries }: { initial: WebhookEndpointDto; deliveries: WebhookDeliveryPage }) {
  const { org } = useDashboard();
  const router = useRouter();
  const query = useWebhookEndpoint(initial.id, initial);
  const endpoint = query.data ?? initial;
  const { update, remove, rotate, sendTest } = useWebhookMutations();
  const block = useReadOnlyBlock();
  const [confirm, setConfirm] = useState<"delete" | "disable" | "rotate" | null>(null);
  const [secret, setSecret] = useState<WebhookEndpointWithSecretDto | null>(null);
  const close = () => setConfirm(null);

  return (
    <>
      <PageHeader
        title={<span className="block truncate font-mono text-xl">{endpoint.url}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={webhooksPath(org.slug)} className="text-link hover:underline">
              Webhooks
            </Link>
            <span aria-hidden="true">·</span>
            <EndpointStatus endpoint={endpoint} />
            <span>{endpoint.description || "No description"}</span>
          </span>
        }
        actions={
          <Button variant="secondary" {...block} disabled={block.disabled || !endpoint.enabled} loading={sendTest.isPending} onClick={() => sendTest.mutate(endpoint.id)}>
            <ZapIcon />
            Send test event
          </Button>
        }
      />
      <div className="grid gap-8">
        {!endpoint.enabled && (
          <Callout tone="warning" title="This endpoint is disabled">
            <span className="grid gap-3">
              <span>{endpoint.disabledReason ?? "It receives no events."} Deliveries that failed can be replayed once it is enabled.</span>
              <span>
                <Button size="sm" {...block} loading={update.isPending} onClick={() => update.mutate({ id: endpoint.id, enabled: true })}>
                  Enable endpoint
                </Button>
              </span>
            </span>
          </Callout>
        )}
        {update.isError && <Callout tone="error">{errorMessage(update.error)}</Callout>}
        <CardSection
          headingId="webhook-endpoint-settings"
          title="Endpoint"
          description={`Added ${formatDate(endpoint.createdAt)}. Requests are signed with this endpoint's secret in the Standard Webhooks format.`}
          footer={
            <>
              <Button variant="subtle-danger" size="sm" className="icon-delete" onClick={() => setConfirm("delete")}>
                Delete
              </Button>
              {endpoint.enabled && (
                <Button variant="secondary" size="sm" onClick={() => setConfirm("disable")}>
                  Disable
                </Button>
              )}
              <Button variant="secondary" size="sm" {...block} onClick={() => setConfirm("rotate")}>
                <KeyIcon className="size-3.5" />
                Rotate secret
              </Button>
            </>
          }
        >
          <div className="grid gap-1.5">
            <p className="text-sm font-medium">Events</p>
            <ul aria-label="Subscribed events" className="flex flex-wrap gap-1.5">
              {endpoint.eventTypes.map((type) => (
                <li key={type}>
                  <code className="rounded-md border bg-subtle px-2 py-0.5 font-mono text-xs">{type}</code>
                </li>
              ))}
            </ul>
          </div>
        </CardSection>
        <DeliveryLog endpoint={endpoint} initial={deliveries} />
      </div>

      <ConfirmDialog
        open={confirm === "delete"}
        onOpenChange={(open) => !open && close()}
        title="Delete this endpoint?"
        description={`Events are no longer sent to ${endpoint.url}, and its delivery log is deleted with it. This cannot be undone.`}
        confirmLabel="Delete endpoint"
        pending={remove.isPending}
        onConfirm={() => remove.mutate(endpoint, { onSuccess: () => router.push(webhooksPath(org.slug)) })}
      />
      <ConfirmDialog
        open={confirm === "disable"}
        onOpenChange={(open) => !open && close()}
        title="Disable this endpoint?"
        description="No events are sent to it until it is enabled again; retries still waiting are dropped."
        confirmLabel="Disable endpoint"
        tone="primary"
        pending={update.isPending}
        onConfirm={() => update.mutate({ id: endpoint.id, enabled: false }, { onSuccess: close })}
      />
      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(open) => !open && close()}
        title="Rotate the signing secret?"
        description="Requests are signed with a new secret from now on, and the current one stops working at once. Update your receiver right after."
        confirmLabel="Rotate secret"
        pending={rotate.isPending}
        error={rotate.isError ? errorMessage(rotate.error) : undefined}
        onConfirm={() =>
          rotate.mutate(endpoint.id, {
            onSuccess: (rotated) => {
              close();
              setSecret(rotated);
            },
          })
        }
      />
      <Dialog open={secret !== null} onOpenChange={(open) => !open && setSecret(null)}>
        <DialogContent title="Copy the new signing secret" onInteractOutside={(event) => event.preventDefault()}>
          {secret && <SecretReveal secret={secret.secret} url={secret.url} />}
        </DialogContent>
      </Dialog>
    </>
  );
}
