"use client";

import Link from "next/link";
import { useState } from "react";
import type { Page } from "@/lib/db/keyset-page";
import type { WebhookEndpointDto } from "@/lib/webhooks/schemas";
import { webhookEndpointPath } from "@/lib/webhooks/paths";
import { useDashboard, usePlanWithout, useReadOnlyBlock } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/dashboard/page-header";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { ArrowRightIcon, PlusIcon, ZapIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { AddEndpointDialog } from "./endpoint-dialog";
import { EndpointStatus } from "./endpoint-status";
import { useWebhookEndpoints } from "./use-webhooks";

/** Settings → Webhooks: the org's endpoints and their state; each opens its delivery log. */
export function WebhooksView({ initial }: { initial: Page<WebhookEndpointDto> }) {
  const { org } = useDashboard();
  const endpoints = useWebhookEndpoints(initial);
  const block = useReadOnlyBlock();
  const [adding, setAdding] = useState(false);
  // Adding is part of the plan's API access (the API refuses it with 403); listing never is.
  const notInPlan = usePlanWithout("apiAccess");
  const add = (
    <Button {...block} disabled={block.disabled || Boolean(notInPlan)} onClick={() => setAdding(true)}>
      <PlusIcon />
      Add endpoint
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            <Link href={`/dashboard/${org.slug}/settings`} className="text-link hover:underline">
              Settings
            </Link>{" "}
            · Send this organization&apos;s events to your own systems as signed JSON.
          </>
        }
        actions={add}
      />
      <div className="grid gap-4">
        {notInPlan && (
          <Callout title={`Webhooks are not part of the ${notInPlan.planName} plan`}>
            They come with API access. Existing endpoints are kept but receive nothing until the organization upgrades.{" "}
            <Link href={notInPlan.upgradeUrl} className="font-medium text-link hover:underline">
              Upgrade
            </Link>
          </Callout>
        )}
        {endpoints.isError && <Callout tone="error">{errorMessage(endpoints.error)}</Callout>}
        {endpoints.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : endpoints.data && endpoints.data.data.length > 0 ? (
          <ul aria-label="Webhook endpoints" className="divide-y rounded-xl border bg-surface shadow-xs">
            {endpoints.data.data.map((endpoint) => (
              <li key={endpoint.id} data-testid="webhook-endpoint-row">
                <Link
                  href={webhookEndpointPath(org.slug, endpoint.id)}
                  className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 transition-colors hover:bg-muted/50 sm:px-5"
                >
                  <div className="grid min-w-0 flex-1 basis-64 gap-0.5">
                    <p className="truncate font-mono text-sm font-medium">{endpoint.url}</p>
                    <p className="truncate text-sm text-muted-foreground">
                      {endpoint.description || "No description"} · {endpoint.eventTypes.length} {endpoint.eventTypes.length === 1 ? "event" : "events"}
                    </p>
                    {endpoint.disabledReason && <p className="text-sm text-amber-700 dark:text-amber-300">{endpoint.disabledReason}</p>}
                  </div>
                  <div className="ml-auto flex shrink-0 items-center gap-3">
                    <EndpointStatus endpoint={endpoint} />
                    <ArrowRightIcon className="size-4 text-muted-foreground" />
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          !endpoints.isError && (
            <EmptyState
              icon={ZapIcon}
              title="No webhook endpoints yet"
              description="Add an endpoint to have projects, members and billing changes POSTed to your own systems as they happen."
              action={add}
            />
          )
        )}
      </div>
      <AddEndpointDialog open={adding} onOpenChange={setAdding} />
    </>
  );
}
