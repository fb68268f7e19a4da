"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/query-keys";
import { apiFieldErrors, errorMessage, type FieldErrors } from "@/components/forms/field-errors";
import { Button, buttonClasses } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { SmartphoneIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { CopyButton } from "./copy-button";
import { useReauth } from "./reauth-provider";
import { OneTimeCodeInput, normalizeCode } from "./one-time-code-input";
import { RecoveryCodes } from "./recovery-codes";
import type { RecoveryCodes as RecoveryCodesResult, TwoFactorSetup } from "./security-api";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  email: string;
  /** Why setup was started for them, e.g. "Acme requires two-factor authentication." */
  reason?: string;
};

/** The SVG comes from our API; as an image it cannot run script or touch the page. */
const qrSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The secret in groups of four, easier to read out and type into an app. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Two steps: scan (or type) the secret and prove it with a code, then keep the recovery
 * codes. The dialog cannot be dismissed on the second step until they are marked as saved.
 */
export function TwoFactorSetupDialog({ open, ...props }: Props) {
  // Mounted per opening, so each one starts (or restarts) enrolment with empty fields.
  return open ? <SetupDialog {...props} /> : null;
}

function SetupDialog({ onOpenChange, email, reason }: Omit<Props, "open">) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"code">>({});
  const [saved, setSaved] = useState(false);

  const withReauth = useReauth();
  const setup = useMutation({
    mutationFn: () => fetchJson<TwoFactorSetup>("/api/v1/me/two-factor/setup", { method: "POST" }),
  });
  const enable = useMutation({
    mutationFn: (value: string) => withReauth(() => fetchJson<RecoveryCodesResult>("/api/v1/me/two-factor/enable", { method: "POST", body: { code: value } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.security() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.securityEvents() });
    },
    onError: (error) => setErrors(apiFieldErrors(error, { code: "Code" })),
  });

  // A new secret for every opening, so a half-finished enrolment never lingers.
  const { mutate: startSetup } = setup;
  useEffect(() => startSetup(), [startSetup]);

  const codes = enable.data?.recoveryCodes;
  const mustKeep = Boolean(codes) && !saved;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = normalizeCode(code);
    if (!/^\d{6}$/.test(value)) return setErrors({ code: "Enter the 6-digit code from your app." });
    setErrors({});
    enable.mutate(value);
  }

  function finish() {
    toast.success("Two-factor authentication is on");
    onOpenChange(false);
  }

  return (
    <Dialog open onOpenChange={(next) => !enable.isPending && !mustKeep && onOpenChange(next)}>
      <DialogContent
        title={codes ? "Save your recovery codes" : "Set up two-factor authentication"}
        description={
          codes
            ? "If you lose your phone, each of these codes signs you in once instead of a code from your app."
            : "Scan the QR code with an authenticator app such as 1Password, Google Authenticator or Authy, then enter the code it shows."
        }
        onEscapeKeyDown={(e) => mustKeep && e.preventDefault()}
      >
        {codes ? (
          <div className="grid gap-5">
            <RecoveryCodes codes={codes} email={email} saved={saved} onSavedChange={setSaved} />
            <DialogFooter>
              <Button disabled={!saved} onClick={finish}>
                Done
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate aria-label="Turn on two-factor authentication" className="grid gap-5">
            {reason && <Callout>{reason}</Callout>}
            {setup.isError ? (
              <Callout tone="error" title="Couldn't start setup">
                <p>{errorMessage(setup.error)}</p>
                <Button variant="secondary" size="sm" className="mt-3" onClick={() => setup.mutate()}>
                  Try again
                </Button>
              </Callout>
            ) : (
              <div className="grid min-w-0 items-center gap-5 sm:grid-cols-[auto_1fr]">
                {/* On a phone the app is on this device: one tap adds the account, no scanning. */}
                {setup.data && (
                  <a href={setup.data.otpauthUrl} className={buttonClasses({ variant: "secondary", className: "w-full whitespace-normal sm:hidden" })}>
                    <SmartphoneIcon />
                    Add to my authenticator app
                  </a>
                )}
                <div className="mx-auto rounded-lg border bg-white p-2 sm:mx-0">
                  {setup.data ? (
                    // eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing for next/image to optimise
                    <img src={qrSource(setup.data.qrSvg)} alt="QR code for your authenticator app" width={160} height={160} className="size-40" />
                  ) : (
                    <Skeleton className="size-40 bg-zinc-200" />
                  )}
                </div>
                <div className="grid min-w-0 gap-2 text-sm">
                  <p className="text-muted-foreground">Can&apos;t scan it? Enter this key in your app instead:</p>
                  {setup.data ? (
                    <code aria-label="Setup key" className="rounded-md border bg-subtle px-3 py-2 font-mono text-sm wrap-break-word">
                      {grouped(setup.data.secret)}
                    </code>
                  ) : (
                    <Skeleton className="h-9 w-full" />
                  )}
                  <CopyButton
                    value={setup.data?.secret ?? ""}
                    label="Copy key"
                    copiedMessage="Setup key copied"
                    className={setup.data ? "justify-self-start" : "invisible justify-self-start"}
                  />
                </div>
              </div>
            )}
            {errors.form && <Callout tone="error">{errors.form}</Callout>}
            <Field label="6-digit code from your app" error={errors.code}>
              {(control) => <OneTimeCodeInput {...control} value={code} onChange={setCode} disabled={!setup.data} />}
            </Field>
            <DialogFooter>
              <Button variant="secondary" disabled={enable.isPending} onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={enable.isPending} disabled={!setup.data}>
                Turn on
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
