"use client";

import Link from "next/link";
import { useState } from "react";
import type { ApiKeyDto } from "@/lib/api-keys/schemas";
import { usePlanWithout, useReadOnlyBlock } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDate, formatDateTime } from "@/components/ui/format-date";
import { KeyIcon, PlusIcon, XIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { CreateKeyDialog, ROLE_LABELS } from "./create-key-dialog";
import { useApiKeyMutations, useApiKeys } from "./use-api-keys";

const isExpired = (key: ApiKeyDto) => key.expiresAt !== null && new Date(key.expiresAt).getTime() <= Date.now();

function status(key: ApiKeyDto) {
  if (key.revokedAt) return <Badge>Revoked</Badge>;
  if (isExpired(key)) return <Badge tone="amber">Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
}

function details(key: ApiKeyDto): string {
  const created = `Created ${formatDate(key.createdAt)}${key.createdBy ? ` by ${key.createdBy}` : ""}`;
  const used = key.lastUsedAt ? `last used ${formatDateTime(key.lastUsedAt)}` : "never used";
  const expiry = key.revokedAt ? `revoked ${formatDate(key.revokedAt)}` : key.expiresAt ? `expires ${formatDate(key.expiresAt)}` : "never expires";
  return `${created} · ${used} · ${expiry}`;
}

/** Owners' and admins' keys for the org's own code: list, create (secret shown once), revoke. */
export function ApiKeysSection() {
  const keys = useApiKeys();
  const { revoke } = useApiKeyMutations();
  const block = useReadOnlyBlock();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);
  // Creating is a plan feature (the API refuses it with 403); listing and revoking never are.
  const notInPlan = usePlanWithout("apiAccess");

  return (
    <CardSection
      headingId="settings-api-keys"
      title="API keys"
      description={
        <>
          Keys let your own code call this organization&apos;s API, sent as <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>. Each is
          read-only or read-write. The{" "}
          <Link href="/docs/api" className="font-medium text-link hover:underline">
            API reference
          </Link>{" "}
          lists every route a key can call.
        </>
      }
    >
      <div className="grid gap-4">
        {notInPlan && (
          <Callout title={`API access is not part of the ${notInPlan.planName} plan`}>
            Keys can be created, and existing ones work again, once the organization upgrades.{" "}
            <Link href={notInPlan.upgradeUrl} className="font-medium text-link hover:underline">
              Upgrade
            </Link>
          </Callout>
        )}
        {keys.isError && <Callout tone="error">{errorMessage(keys.error)}</Callout>}
        {keys.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : keys.data && keys.data.data.length > 0 ? (
          <ul aria-label="API keys" className="divide-y rounded-lg border">
            {keys.data.data.map((key) => {
              const nameId = `api-key-${key.id}-name`;
              const active = !key.revokedAt && !isExpired(key);
              return (
                <li key={key.id} data-testid="api-key-row" className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
                  <div className="grid min-w-0 flex-1 basis-64 gap-0.5">
                    <p className="flex items-center gap-2 text-sm font-medium">
                      <span id={nameId} className="truncate">
                        {key.name}
                      </span>
                      <code className="font-mono text-xs text-muted-foreground">
                        {key.prefix}…{key.last4}
                      </code>
                    </p>
                    <p className="text-sm text-muted-foreground">{details(key)}</p>
                  </div>
                  <div className="ml-auto flex shrink-0 items-center gap-2">
                    {status(key)}
                    <Badge tone={key.role === "read_write" ? "indigo" : "sky"}>{ROLE_LABELS[key.role]}</Badge>
                    {active && (
                      <Button variant="subtle-danger" size="xs" aria-describedby={nameId} onClick={() => setRevoking(key)}>
                        <XIcon className="size-3.5" />
                        Revoke
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        ) : (
          !keys.isError && (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <KeyIcon className="size-4" />
              No API keys yet.
            </p>
          )
        )}
        <div>
          <Button variant="secondary" {...block} disabled={block.disabled || Boolean(notInPlan)} onClick={() => setCreating(true)}>
            <PlusIcon />
            Create API key
          </Button>
        </div>
      </div>
      <CreateKeyDialog open={creating} onOpenChange={setCreating} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke ${revoking?.name ?? "this key"}?`}
        description="Requests with this key are refused from the moment you revoke it. This cannot be undone."
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking, { onSuccess: () => setRevoking(null) })}
      />
    </CardSection>
  );
}
