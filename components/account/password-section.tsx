"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Profile } from "@/lib/account/profile";
import { passwordChangeSchema, type PasswordChangeInput } from "@/lib/account/schemas";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useReauth } from "@/components/security/reauth-provider";

type FieldName = "currentPassword" | "newPassword" | "confirmPassword";
const LABELS: Record<FieldName, string> = { currentPassword: "Current password", newPassword: "New password", confirmPassword: "Confirm new password" };

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google" };

/**
 * The API ends every session on a password change, this one too; signing in again with the
 * new password gives this browser a fresh session, so only the other devices are signed out.
 */
async function changeAndSignInAgain(email: string, input: PasswordChangeInput, withReauth: ReturnType<typeof useReauth>): Promise<boolean> {
  // A first password (no current one to enter) asks the shared dialog to confirm it is you.
  await withReauth(() => fetchJson<void>("/api/v1/me/password", { method: "POST", body: input }));
  const result = await signIn<"credentials">("credentials", { email, password: input.newPassword, redirect: false }).catch(() => undefined);
  return Boolean(result?.ok && !result.error);
}

export function PasswordSection({ profile }: { profile: Profile }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<FieldName, string>>({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const set = (field: FieldName, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const withReauth = useReauth();

  const change = useMutation({
    mutationFn: (input: PasswordChangeInput) => changeAndSignInAgain(profile.email, input, withReauth),
    onSuccess: (signedIn) => {
      setValues({ currentPassword: "", newPassword: "", confirmPassword: "" });
      if (!signedIn) {
        toast.success("Password changed", { description: "Sign in again with your new password." });
        router.push("/sign-in?callbackUrl=%2Faccount");
        return;
      }
      toast.success(profile.hasPassword ? "Password changed" : "Password set", { description: "Your other devices were signed out." });
      router.refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, LABELS)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { currentPassword: profile.hasPassword ? values.currentPassword : undefined, newPassword: values.newPassword };
    const parsed = passwordChangeSchema.safeParse(input);
    const found: FieldErrors<FieldName> = parsed.success ? {} : zodFieldErrors(parsed.error, LABELS);
    if (profile.hasPassword && !values.currentPassword) found.currentPassword ??= "Enter your current password.";
    if (values.confirmPassword !== values.newPassword) found.confirmPassword ??= "The two new passwords don't match.";
    if (!parsed.success || Object.keys(found).length > 0) return setErrors(found);
    setErrors({});
    change.mutate(parsed.data);
  }

  const others = profile.providers.map((p) => PROVIDER_NAMES[p] ?? p);
  const description = profile.hasPassword
    ? "Changing your password signs you out on every other device."
    : `You sign in with email links${others.length ? ` or ${others.join(" or ")}` : ""}. Add a password to sign in with your email and password too.`;

  return (
    <form onSubmit={onSubmit} noValidate>
      <CardSection
        headingId="account-password"
        title={profile.hasPassword ? "Password" : "Set a password"}
        description={description}
        footer={
          <Button type="submit" loading={change.isPending}>
            {profile.hasPassword ? "Change password" : "Set password"}
          </Button>
        }
      >
        <div className="grid max-w-lg gap-4">
          {errors.form && <Callout tone="error">{errors.form}</Callout>}
          {/* Lets password managers file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={profile.email} readOnly hidden />
          {profile.hasPassword && (
            <Field label="Current password" error={errors.currentPassword}>
              {(control) => (
                <Input
                  {...control}
                  type="password"
                  name="currentPassword"
                  autoComplete="current-password"
                  required
                  value={values.currentPassword}
                  onChange={(e) => set("currentPassword", e.target.value)}
                />
              )}
            </Field>
          )}
          <Field label="New password" error={errors.newPassword} hint="At least 10 characters. A few unrelated words make a strong one.">
            {(control) => (
              <Input
                {...control}
                type="password"
                name="newPassword"
                autoComplete="new-password"
                required
                minLength={10}
                maxLength={128}
                value={values.newPassword}
                onChange={(e) => set("newPassword", e.target.value)}
              />
            )}
          </Field>
          <Field label="Confirm new password" error={errors.confirmPassword}>
            {(control) => (
              <Input
                {...control}
                type="password"
                name="confirmPassword"
                autoComplete="new-password"
                required
                value={values.confirmPassword}
                onChange={(e) => set("confirmPassword", e.target.value)}
              />
            )}
          </Field>
        </div>
      </CardSection>
    </form>
  );
}
