"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { apiFieldErrors, type FieldErrors } from "@/components/forms/field-errors";
import { OneTimeCodeInput, normalizeCode } from "@/components/security/one-time-code-input";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Mode = "code" | "recovery";
const LABELS = { code: "Code", recoveryCode: "Recovery code" };

/** The second step of signing in: a code from the authenticator app, or one recovery code. */
export function TwoFactorSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("code");
  const [code, setCode] = useState("");
  const [recoveryCode, setRecoveryCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"code" | "recoveryCode">>({});
  const [pending, setPending] = useState(false);

  function switchMode(next: Mode) {
    setMode(next);
    setErrors({});
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = mode === "code" ? { code: normalizeCode(code) } : { recoveryCode: recoveryCode.trim() };
    if (mode === "code" && !/^\d{6}$/.test(body.code ?? "")) return setErrors({ code: "Enter the 6-digit code from your authenticator app." });
    if (mode === "recovery" && !body.recoveryCode) return setErrors({ recoveryCode: "Enter one of your recovery codes." });

    setErrors({});
    setPending(true);
    try {
      await fetchJson<void>("/api/v1/me/two-factor/verify", { method: "POST", body });
    } catch (error) {
      setPending(false);
      setErrors(apiFieldErrors(error, LABELS));
      return;
    }
    // Stay pending while the next page loads, so the code cannot be sent twice.
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Two-factor verification" className="grid gap-4">
      {errors.form && <Callout tone="error">{errors.form}</Callout>}
      {mode === "code" ? (
        <Field label="Authentication code" error={errors.code} hint="Open your authenticator app and enter the 6-digit code for Tenantkit.">
          {(control) => <OneTimeCodeInput {...control} autoFocus value={code} onChange={setCode} className="max-w-none" />}
        </Field>
      ) : (
        <Field label="Recovery code" error={errors.recoveryCode} hint="One of the codes you saved when you turned on two-factor authentication. Each works once.">
          {(control) => (
            <Input
              {...control}
              name="recoveryCode"
              autoFocus
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              className="font-mono"
              value={recoveryCode}
              onChange={(e) => setRecoveryCode(e.target.value)}
            />
          )}
        </Field>
      )}
      <Button type="submit" className="mt-1 w-full" loading={pending}>
        Verify
      </Button>
      <button
        type="button"
        onClick={() => switchMode(mode === "code" ? "recovery" : "code")}
        className="justify-self-center rounded-sm text-sm font-medium text-link hover:underline"
      >
        {mode === "code" ? "Use a recovery code instead" : "Use your authenticator app instead"}
      </button>
    </form>
  );
}
