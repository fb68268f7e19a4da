"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { signUpSchema } from "@/lib/auth/schemas";
import type { SignUpResult } from "@/lib/auth/sign-up";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Fields = "name" | "email" | "password";
// No label for `inviteToken`: an error about the invitation is shown for the whole form.
const LABELS = { name: "Name", email: "Email", password: "Password" } satisfies Record<Fields, string>;

type Props = {
  callbackUrl: string;
  /** Signing up through an invitation link: the email is the invited one and cannot change. */
  invite?: { token: string; email: string };
};

export function SignUpForm({ callbackUrl, invite }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Fields, string>>({ name: "", email: invite?.email ?? "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<Fields>>({});
  const [pending, setPending] = useState(false);

  const set = (key: Fields) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: event.target.value }));
    // Once someone edits a field, its old error no longer describes it.
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signUpSchema.safeParse({ ...values, inviteToken: invite?.token });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));

    setErrors({});
    setPending(true);
    let created: SignUpResult;
    try {
      created = await fetchJson<SignUpResult>("/api/v1/signup", { method: "POST", body: parsed.data });
    } catch (error) {
      setPending(false);
      setErrors(apiFieldErrors(error, LABELS));
      return;
    }

    if (created.status === "verification_sent") {
      router.push(`/sign-up/check-email?email=${encodeURIComponent(created.email)}`);
      return;
    }

    const result = await signIn<"credentials">("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false }).catch(
      () => undefined,
    );
    if (!result?.ok || result.error) {
      // The account exists now; only the automatic sign-in failed.
      router.push(`/sign-in?error=${encodeURIComponent(result?.error ?? "Default")}`);
      return;
    }
    // An invited account already belongs to the org it was invited to: go straight there.
    const next = invite ? `/dashboard/${encodeURIComponent(created.org.slug)}/projects` : callbackUrl;
    router.replace(safeCallbackUrl(next, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {errors.form && <Callout tone="error">{errors.form}</Callout>}
      <Field label="Name" error={errors.name}>
        {(control) => <Input {...control} name="name" autoComplete="name" required value={values.name} onChange={set("name")} />}
      </Field>
      <Field label="Email" error={errors.email} hint={invite ? "Your invitation was sent to this address." : undefined}>
        {(control) => (
          <Input
            {...control}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={values.email}
            onChange={set("email")}
            readOnly={Boolean(invite)}
            className="read-only:bg-muted read-only:text-muted-foreground"
          />
        )}
      </Field>
      <Field label="Password" error={errors.password} hint="At least 10 characters.">
        {(control) => (
          <Input {...control} type="password" name="password" autoComplete="new-password" required value={values.password} onChange={set("password")} />
        )}
      </Field>
      <Button type="submit" className="mt-1 w-full" loading={pending}>
        {invite ? "Create account and join" : "Sign up"}
      </Button>
    </form>
  );
}
