"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Profile } from "@/lib/account/profile";
import { queryKeys } from "@/lib/query-keys";
import { AuthDivider } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { apiFieldErrors, errorMessage, type FieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { MailIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

type Props = { open: boolean; onConfirmed: () => void; onCancel: () => void };

const here = () => `${window.location.pathname}${window.location.search}`;

/**
 * "Confirm it's you": the password for accounts that have one, else a fresh sign-in by
 * email link or a linked provider (which leaves the page; the action is started again
 * after coming back, within the ten minutes a fresh sign-in counts).
 */
export function ReauthDialog({ open, onConfirmed, onCancel }: Props) {
  const profile = useQuery({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => fetchJson<Profile>("/api/v1/me", { signal }),
    enabled: open,
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !next && onCancel()}>
      <DialogContent
        size="sm"
        title="Confirm it's you"
        description="This is a sensitive action, so we check that it is really you first. You won't be asked again for 10 minutes."
      >
        {profile.isPending ? (
          <div role="status" aria-label="Loading" className="flex justify-center py-6 text-muted-foreground">
            <Spinner />
          </div>
        ) : profile.isError ? (
          <Callout tone="error">{errorMessage(profile.error)}</Callout>
        ) : (
          // Radix unmounts the content on close, so each opening starts with an empty password.
          <ReauthForms profile={profile.data} onConfirmed={onConfirmed} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function ReauthForms({ profile, onConfirmed }: { profile: Profile; onConfirmed: () => void }) {
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"password">>({});
  const [linkSent, setLinkSent] = useState(false);

  const confirm = useMutation({
    mutationFn: (value: string) => fetchJson<void>("/api/v1/me/reauthenticate", { method: "POST", body: { password: value } }),
    onSuccess: onConfirmed,
    onError: (error) => setErrors(apiFieldErrors(error, { password: "Password" })),
  });

  const sendLink = useMutation({
    mutationFn: async () => {
      const result = await signIn<"email">("email", { email: profile.email, callbackUrl: here(), redirect: false });
      if (!result?.ok || result.error) throw new Error(result?.error ?? "EmailSignin");
    },
    onSuccess: () => setLinkSent(true),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setErrors({ password: "Enter your password." });
    setErrors({});
    confirm.mutate(password);
  }

  const linked = { github: profile.providers.includes("github"), google: profile.providers.includes("google") };
  const linkOption = linkSent ? (
    <Callout title={`Check ${profile.email}`}>
      We sent you a sign-in link. Open it in this browser, then do what you were doing again.
    </Callout>
  ) : (
    <>
      {sendLink.isError && <Callout tone="error">We couldn&apos;t send the email. Try again in a moment.</Callout>}
      <Button variant="secondary" className="w-full" loading={sendLink.isPending} onClick={() => sendLink.mutate()}>
        {!sendLink.isPending && <MailIcon />}
        Email me a sign-in link
      </Button>
    </>
  );

  if (!profile.hasPassword) {
    return (
      <div className="grid gap-3">
        <p className="text-sm text-muted-foreground">
          Your account has no password: sign in again with a link sent to <strong className="font-medium text-foreground">{profile.email}</strong>
          {linked.github || linked.google ? " or with your linked account" : ""}.
        </p>
        {linkOption}
        <OAuthButtons enabled={linked} callbackUrl={here()} />
      </div>
    );
  }

  return (
    <div>
      <form onSubmit={onSubmit} noValidate aria-label="Confirm with your password" className="grid gap-4">
        {errors.form && <Callout tone="error">{errors.form}</Callout>}
        <input type="email" name="username" autoComplete="username" value={profile.email} readOnly hidden />
        <Field label="Password" error={errors.password}>
          {(control) => (
            <Input
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              autoFocus
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={confirm.isPending}>
              Cancel
            </Button>
          </DialogClose>
          <Button type="submit" loading={confirm.isPending || confirm.isSuccess}>
            Confirm
          </Button>
        </DialogFooter>
      </form>
      <AuthDivider label="Forgot your password?" />
      {linkOption}
    </div>
  );
}
