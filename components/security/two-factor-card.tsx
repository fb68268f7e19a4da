"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/query-keys";
import { errorMessage } from "@/components/forms/field-errors";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { formatDate } from "@/components/ui/format-date";
import { ArrowRightIcon, KeyIcon, ShieldCheckIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { useReauth } from "./reauth-provider";
import { RecoveryCodes } from "./recovery-codes";
import { useSecurityOverview, type RecoveryCodes as RecoveryCodesResult, type SecurityOverview } from "./security-api";
import { TwoFactorSetupDialog } from "./two-factor-setup-dialog";

type Props = {
  email: string;
  /** The org that sent the person here because it requires two-factor authentication. */
  required?: { slug: string; name: string };
  /** Where to continue once it is on (a same-origin path, checked by the page). */
  continueTo?: string;
};

const DESCRIPTION = "A code from an authenticator app on your phone, asked for after your password or sign-in link, so a stolen password alone is not enough.";

export function TwoFactorCard({ email, required, continueTo }: Props) {
  const overview = useSecurityOverview();
  const [setupOpen, setSetupOpen] = useState(false);
  const startedForRequirement = useRef(false);

  // Sent here by an org that requires it: open setup straight away, once.
  const enabled = overview.data?.twoFactor.enabled;
  useEffect(() => {
    if (required && enabled === false && !startedForRequirement.current) {
      startedForRequirement.current = true;
      setSetupOpen(true);
    }
  }, [required, enabled]);

  const reason = required ? `${required.name} requires two-factor authentication for every member.` : undefined;

  return (
    <CardSection
      headingId="security-two-factor"
      title={
        <span className="flex flex-wrap items-center gap-2">
          Two-factor authentication
          {overview.data && (overview.data.twoFactor.enabled ? <Badge tone="green" dot>On</Badge> : <Badge dot>Off</Badge>)}
        </span>
      }
      description={DESCRIPTION}
    >
      <div className="grid gap-4">
        {required && !enabled && (
          <Callout title={`${required.name} requires two-factor authentication`}>
            Turn it on to open {required.name}. It takes a minute: you need your phone and an authenticator app.
          </Callout>
        )}
        {overview.isPending ? (
          <div role="status" aria-label="Loading two-factor settings" className="grid gap-2">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-9 w-40" />
          </div>
        ) : overview.isError ? (
          <Callout tone="error" title="Couldn't load your security settings">
            <p>{errorMessage(overview.error)}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => void overview.refetch()}>
              Try again
            </Button>
          </Callout>
        ) : overview.data.twoFactor.enabled ? (
          <TwoFactorOn overview={overview.data} email={email} required={required} continueTo={continueTo} />
        ) : (
          <div>
            <Button onClick={() => setSetupOpen(true)}>
              <ShieldCheckIcon />
              Set up two-factor authentication
            </Button>
          </div>
        )}
      </div>
      <TwoFactorSetupDialog open={setupOpen} onOpenChange={setSetupOpen} email={email} reason={reason} />
    </CardSection>
  );
}

function TwoFactorOn({ overview, email, required, continueTo }: { overview: SecurityOverview } & Props) {
  const queryClient = useQueryClient();
  const withReauth = useReauth();
  const [confirmOff, setConfirmOff] = useState(false);
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const [saved, setSaved] = useState(false);
  const { enabledAt, recoveryCodesLeft } = overview.twoFactor;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.security() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.securityEvents() });
  };

  const turnOff = useMutation({
    mutationFn: () => withReauth(() => fetchJson<void>("/api/v1/me/two-factor", { method: "DELETE" })),
    onSuccess: () => {
      setConfirmOff(false);
      toast.success("Two-factor authentication is off");
      refresh();
    },
  });

  const regenerate = useMutation({
    mutationFn: () => withReauth(() => fetchJson<RecoveryCodesResult>("/api/v1/me/two-factor/recovery-codes", { method: "POST" })),
    onSuccess: () => {
      setConfirmRegenerate(false);
      setSaved(false);
      refresh();
    },
  });
  const newCodes = regenerate.data?.recoveryCodes;

  const requiredBy = overview.requiredBy.map((org) => org.name);
  const offWarning =
    requiredBy.length > 0
      ? ` ${requiredBy.join(", ")} ${requiredBy.length === 1 ? "requires" : "require"} it: you won't be able to open ${requiredBy.length === 1 ? "it" : "them"} until you turn it on again.`
      : "";

  return (
    <div className="grid gap-4">
      {required && continueTo && (
        <Callout title="You're all set">
          <p>Two-factor authentication is on, so you can open {required.name} now.</p>
          <Link href={continueTo} className={buttonClasses({ size: "sm", className: "mt-3" })}>
            Continue to {required.name}
            <ArrowRightIcon />
          </Link>
        </Callout>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        {enabledAt && (
          <>
            <dt className="text-muted-foreground">Turned on</dt>
            <dd>{formatDate(enabledAt)}</dd>
          </>
        )}
        <dt className="text-muted-foreground">Recovery codes left</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <span className="tabular-nums">{recoveryCodesLeft} of 10</span>
          {recoveryCodesLeft <= 3 && <Badge tone="amber">Running low: create new ones</Badge>}
        </dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setConfirmRegenerate(true)}>
          <KeyIcon />
          Regenerate recovery codes
        </Button>
        <Button variant="danger-outline" onClick={() => setConfirmOff(true)}>
          Turn off
        </Button>
      </div>

      <ConfirmDialog
        open={confirmRegenerate}
        onOpenChange={(next) => {
          setConfirmRegenerate(next);
          if (!next) regenerate.reset();
        }}
        tone="primary"
        title="Create new recovery codes?"
        description="You get 10 new codes, and the ones you have now stop working."
        confirmLabel="Create new codes"
        pending={regenerate.isPending}
        error={regenerate.isError ? errorMessage(regenerate.error) : undefined}
        onConfirm={() => regenerate.mutate()}
      />

      <Dialog open={Boolean(newCodes)} onOpenChange={(next) => !next && saved && regenerate.reset()}>
        <DialogContent
          title="Your new recovery codes"
          description="Your old codes no longer work. Each of these signs you in once if you lose your phone."
          onEscapeKeyDown={(e) => !saved && e.preventDefault()}
        >
          {newCodes && (
            <div className="grid gap-5">
              <RecoveryCodes codes={newCodes} email={email} saved={saved} onSavedChange={setSaved} />
              <DialogFooter>
                <Button disabled={!saved} onClick={() => regenerate.reset()}>
                  Done
                </Button>
              </DialogFooter>
            </div>
          )}
        </DialogContent>
      </Dialog>

      <ConfirmDialog
        open={confirmOff}
        onOpenChange={(next) => {
          setConfirmOff(next);
          if (!next) turnOff.reset();
        }}
        title="Turn off two-factor authentication?"
        description={`Your password or a sign-in link alone will be enough to get into your account. Your recovery codes stop working.${offWarning}`}
        confirmLabel="Turn off"
        pending={turnOff.isPending}
        error={turnOff.isError ? errorMessage(turnOff.error) : undefined}
        onConfirm={() => turnOff.mutate()}
      />
    </div>
  );
}
