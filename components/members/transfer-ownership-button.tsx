"use client";

import { useState } from "react";
import type { MemberDto } from "@/lib/members/service";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { roleLabel } from "./role-badge";
import { useMemberMutations } from "./use-members";

/** Owners hand the org to another member, chosen in the dialog; they become an admin. */
export function TransferOwnershipButton({ members }: { members: MemberDto[] }) {
  const { org, user } = useDashboard();
  const { transfer } = useMemberMutations();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState("");
  const candidates = members.filter((m) => m.userId !== user.id);
  const chosen = candidates.find((m) => m.userId === userId);

  return (
    <>
      <Button variant="danger-outline" disabled={candidates.length === 0} onClick={() => setOpen(true)}>
        Transfer ownership
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) {
            setUserId("");
            transfer.reset();
          }
        }}
        title={`Transfer ownership of ${org.name}`}
        description="The member you choose becomes an owner. You become an admin: you keep managing members and projects, but can no longer delete the organization or make owners."
        confirmLabel="Transfer ownership"
        pending={transfer.isPending}
        confirmDisabled={!chosen}
        error={transfer.isError ? errorMessage(transfer.error) : undefined}
        onConfirm={() => {
          if (chosen) transfer.mutate(chosen, { onSuccess: () => setOpen(false) });
        }}
      >
        <Field label="New owner">
          {(control) => (
            <Select {...control} name="userId" required value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="" disabled>
                Choose a member…
              </option>
              {candidates.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name ? `${m.name} (${m.email})` : m.email} · {roleLabel(m.role)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </ConfirmDialog>
    </>
  );
}
