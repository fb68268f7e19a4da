"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import type { AccountDeletion } from "@/lib/account/delete-account";
import type { AccountDeleteInput } from "@/lib/account/schemas";
import { errorMessage } from "@/components/forms/field-errors";
import { useReauth } from "@/components/security/reauth-provider";
import { DangerRow, DangerZone } from "@/components/settings/danger-zone";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * Deleting is permanent, so the user types their email address to confirm. The API refuses
 * while they are the only owner of an org with other members, and names those orgs: the
 * dialog shows that message where the decision is being made.
 */
export function DeleteAccountSection({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const withReauth = useReauth();

  const remove = useMutation({
    mutationFn: (input: AccountDeleteInput) => withReauth(() => fetchJson<AccountDeletion>("/api/v1/me", { method: "DELETE", body: input })),
    // The session belongs to a user who no longer exists: clear the cookie on the way out.
    onSuccess: () => signOut({ callbackUrl: "/account/deleted" }),
  });

  return (
    <DangerZone>
      <DangerRow
        title="Delete account"
        description="Permanently delete your account and personal data. Organizations where you are the only member are deleted with it; you leave the others."
      >
        <Button variant="danger" onClick={() => setOpen(true)}>
          Delete account
        </Button>
      </DangerRow>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          setTyped("");
          remove.reset();
        }}
        title="Delete your account?"
        description="This deletes your profile, sign-in methods and memberships, and every organization where you are the only member, with its projects. It cannot be undone. Download your data first if you want a copy."
        confirmLabel="Delete my account"
        pending={remove.isPending || remove.isSuccess}
        confirmDisabled={typed.trim().toLowerCase() !== email.toLowerCase()}
        error={remove.isError ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate({ confirmEmail: typed.trim() })}
      >
        <Field
          label={
            <>
              Type <strong className="font-semibold wrap-anywhere">{email}</strong> to confirm
            </>
          }
        >
          {(control) => (
            <Input {...control} type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
          )}
        </Field>
      </ConfirmDialog>
    </DangerZone>
  );
}
