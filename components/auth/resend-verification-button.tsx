"use client";

import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { CircleCheckIcon } from "@/components/ui/icons";

/**
 * Sends the verification link again. The API answers the same for every address (no
 * account enumeration), so "sent" means "sent if there is an unverified account".
 */
export function ResendVerificationButton({ email, className }: { email: string; className?: string }) {
  const resend = useMutation({
    mutationFn: () => fetchJson<{ status: "sent" }>("/api/v1/verify-email/resend", { method: "POST", body: { email } }),
  });

  if (resend.isSuccess) {
    return (
      <p role="status" className={`flex items-center gap-2 text-sm font-medium ${className ?? ""}`}>
        <CircleCheckIcon className="size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
        Sent. Check your inbox for a new link.
      </p>
    );
  }
  return (
    <div className={className}>
      <Button variant="secondary" size="sm" loading={resend.isPending} disabled={!email} onClick={() => resend.mutate()}>
        Resend verification email
      </Button>
      {resend.isError && (
        <p role="alert" className="mt-2 text-sm text-danger-text">
          {errorMessage(resend.error)}
        </p>
      )}
    </div>
  );
}
