"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { useReauth } from "@/components/security/reauth-provider";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Deleting is permanent, so the owner types the org's name to confirm it. */
export function DeleteOrgButton() {
  const { org } = useDashboard();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const withReauth = useReauth();

  const remove = useMutation({
    mutationFn: () => withReauth(() => fetchJson<void>(`/api/v1/orgs/${encodeURIComponent(org.slug)}`, { method: "DELETE" })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.org(org.slug) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgs() });
      toast.success(`${org.name} was deleted`);
      router.replace("/dashboard");
    },
  });

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete organization
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          setTyped("");
          remove.reset();
        }}
        title={`Delete ${org.name}?`}
        description="This permanently deletes the organization, all of its projects and every membership. It cannot be undone."
        confirmLabel="Delete organization"
        pending={remove.isPending || remove.isSuccess}
        confirmDisabled={typed.trim() !== org.name}
        error={remove.isError ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate()}
      >
        <Field
          label={
            <>
              Type <strong className="font-semibold">{org.name}</strong> to confirm
            </>
          }
        >
          {(control) => <Input {...control} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
      </ConfirmDialog>
    </>
  );
}
