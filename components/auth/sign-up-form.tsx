"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { signUpSchema, type SignUpInput } from "@/lib/auth/schemas";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const LABELS = { name: "Name", email: "Email", password: "Password" } satisfies Record<keyof SignUpInput, string>;

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [values, setValues] = useState<SignUpInput>({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<keyof SignUpInput>>({});
  const [pending, setPending] = useState(false);

  const set = (key: keyof SignUpInput) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: event.target.value }));
    // Once someone edits a field, its old error no longer describes it.
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signUpSchema.safeParse(values);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));

    setErrors({});
    setPending(true);
    try {
      await fetchJson("/api/v1/signup", { method: "POST", body: parsed.data });
    } catch (error) {
      setPending(false);
      setErrors(apiFieldErrors(error, LABELS));
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
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {errors.form && <Callout tone="error">{errors.form}</Callout>}
      <Field label="Name" error={errors.name}>
        {(control) => <Input {...control} name="name" autoComplete="name" required value={values.name} onChange={set("name")} />}
      </Field>
      <Field label="Email" error={errors.email}>
        {(control) => <Input {...control} type="email" name="email" autoComplete="email" required value={values.email} onChange={set("email")} />}
      </Field>
      <Field label="Password" error={errors.password} hint="At least 10 characters.">
        {(control) => (
          <Input {...control} type="password" name="password" autoComplete="new-password" required value={values.password} onChange={set("password")} />
        )}
      </Field>
      <Button type="submit" className="mt-1 w-full" loading={pending}>
        Sign up
      </Button>
    </form>
  );
}
