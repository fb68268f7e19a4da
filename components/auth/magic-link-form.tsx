"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type Ref } from "react";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Field } from "@/components/ui/field";
import { MailIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { signInErrorMessage } from "./sign-in-errors";

const formSchema = z.object({ email: emailSchema });

type Props = {
  email: string;
  onEmailChange: (email: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  callbackUrl: string;
  initialError?: string;
};

/** Passwordless sign-in: next-auth emails a one-time link, then we say where to look. */
export function MagicLinkForm({ email, onEmailChange, inputRef, callbackUrl, initialError }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors<"email">>(initialError ? { form: initialError } : {});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = formSchema.safeParse({ email });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, { email: "Email" }));

    setErrors({});
    setPending(true);
    const result = await signIn<"email">("email", { email: parsed.data.email, redirect: false, callbackUrl }).catch(() => undefined);
    if (!result?.ok || result.error) {
      setPending(false);
      setErrors({ form: signInErrorMessage(result?.error ?? "EmailSignin") });
      return;
    }
    router.push(`/sign-in/check-email?email=${encodeURIComponent(parsed.data.email)}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in with an email link" className="grid gap-3">
      {errors.form && <Callout tone="error">{errors.form}</Callout>}
      <Field label="Email" error={errors.email}>
        {(control) => (
          <Input
            {...control}
            ref={inputRef}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => onEmailChange(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" className="w-full" loading={pending}>
        <MailIcon />
        Email me a sign-in link
      </Button>
    </form>
  );
}
