"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { signInSchema } from "@/lib/auth/schemas";
import { EMAIL_UNVERIFIED } from "@/lib/auth/sign-in-codes";
import { type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ResendVerificationButton } from "./resend-verification-button";
import { signInErrorMessage } from "./sign-in-errors";

// The shared schema's bare `min(1)` has no message of ours; say what is missing.
const formSchema = signInSchema.extend({ password: z.string().min(1, "is required") });
const LABELS = { email: "Email", password: "Password" };

type Props = {
  callbackUrl: string;
  /** Prefilled, e.g. after verifying an address. */
  initialEmail?: string;
  /** Shown until the first submit: the error next-auth redirected back with. */
  initialError?: string;
  /** "Forgot password?" hands over to the email-link form with what was typed. */
  onForgotPassword: (email: string) => void;
};

export function PasswordSignInForm({ callbackUrl, initialEmail = "", initialError, onForgotPassword }: Props) {
  const router = useRouter();
  const [email, setEmail] = useState(initialEmail);
  // The address the last refusal was about, when it was for an unverified address.
  const [unverified, setUnverified] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"email" | "password">>(initialError ? { form: initialError } : {});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = formSchema.safeParse({ email, password });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));

    setErrors({});
    setUnverified(null);
    setPending(true);
    const result = await signIn<"credentials">("credentials", { ...parsed.data, redirect: false }).catch(() => undefined);
    if (!result?.ok || result.error) {
      setPending(false);
      setErrors({ form: signInErrorMessage(result?.error ?? "Default") });
      if (result?.error === EMAIL_UNVERIFIED) setUnverified(parsed.data.email);
      return;
    }
    // Stay pending while the dashboard loads, so the button cannot be pressed twice.
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in with password" className="grid gap-4">
      {errors.form && (
        <Callout tone="error">
          {errors.form}
          {unverified && <ResendVerificationButton email={unverified} className="mt-3" />}
        </Callout>
      )}
      <Field label="Email" error={errors.email}>
        {(control) => (
          <Input {...control} type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        )}
      </Field>
      <Field
        label="Password"
        error={errors.password}
        labelAction={
          <button type="button" onClick={() => onForgotPassword(email)} className="rounded-sm text-sm font-medium text-link hover:underline">
            Forgot password?
          </button>
        }
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" className="mt-1 w-full" loading={pending}>
        Sign in
      </Button>
    </form>
  );
}
