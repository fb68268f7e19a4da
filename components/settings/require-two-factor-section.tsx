"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId } from "react";
import { toast } from "@/components/ui/toast";
import { ApiError, fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard, usePlanWithout, useWriteBlock } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";

type OrgSecurity = { requireTwoFactor: boolean };

/**
 * The owner's switch for requiring two-factor authentication of every member. Turning it
 * on needs the owner's own 2FA first: the API answers 409, and we link to the setup.
 */
export function RequireTwoFactorSection() {
  const { org } = useDashboard();
  const queryClient = useQueryClient();
  const labelId = useId();
  const key = queryKeys.org(org.slug);
  const path = `/api/v1/orgs/${encodeURIComponent(org.slug)}`;

  const current = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchJson<OrgSecurity>(path, { signal }) });

  const save = useMutation({
    mutationFn: (requireTwoFactor: boolean) => fetchJson<OrgSecurity>(path, { method: "PATCH", body: { requireTwoFactor } }),
    onSuccess: (updated, requireTwoFactor) => {
      queryClient.setQueryData(key, (old: object | undefined) => ({ ...old, requireTwoFactor: updated.requireTwoFactor ?? requireTwoFactor }));
      toast.success(requireTwoFactor ? "Two-factor authentication is now required" : "Two-factor authentication is now optional");
    },
  });

  const block = useWriteBlock("org:security");
  const ownMissing = save.error instanceof ApiError && save.error.problem.status === 409;
  const checked = save.isPending ? save.variables : current.data?.requireTwoFactor;
  // Switching it on is a plan feature (the API refuses it with 403); switching it off never is.
  const withoutFeature = usePlanWithout("requireTwoFactor");
  const notInPlan = withoutFeature && !checked ? withoutFeature : undefined;

  return (
    <CardSection
      headingId="settings-security"
      title="Security"
      description="Rules that apply to everyone in this organization."
    >
      <div className="grid gap-4">
        <div className="flex items-start justify-between gap-6">
          <div className="grid gap-1">
            <p id={labelId} className="text-sm font-medium">
              Require two-factor authentication
            </p>
            <p className="text-sm text-muted-foreground">
              Members without it are sent to set it up before they can open {org.name}, and API calls for them are refused until they do. You need
              it turned on yourself first.
            </p>
            {notInPlan && (
              <p className="text-sm text-muted-foreground">
                Not part of the {notInPlan.planName} plan.{" "}
                <Link href={notInPlan.upgradeUrl} className="font-medium text-link hover:underline">
                  Upgrade
                </Link>
              </p>
            )}
          </div>
          {current.isPending ? (
            <Skeleton className="h-6 w-11 rounded-full" />
          ) : (
            <Switch
              aria-labelledby={labelId}
              aria-describedby={block["aria-describedby"]}
              title={block.title}
              checked={Boolean(checked)}
              disabled={current.isError || save.isPending || Boolean(notInPlan) || block.disabled}
              onCheckedChange={(next) => save.mutate(next)}
            />
          )}
        </div>
        {current.isError && <Callout tone="error">{errorMessage(current.error)}</Callout>}
        {save.isError && (
          <Callout tone="error">
            {errorMessage(save.error)}
            {ownMissing && (
              <>
                {" "}
                <Link href="/account/security" className="font-medium underline">
                  Set up two-factor authentication
                </Link>
              </>
            )}
          </Callout>
        )}
      </div>
    </CardSection>
  );
}
