"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Leaving removes your own membership; the API refuses the last owner and says why. */
export function LeaveOrgButton() {
  const { org, user } = useDashboard();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);

  const leave = useMutation({
    mutationFn: () => fetchJson<void>(`/api/v1/orgs/${encodeURIComponent(org.slug)}/members/${encodeURIComponent(user.id)}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.org(org.slug) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgs() });
      toast.success(`You left ${org.name}`);
      router.replace("/dashboard");
    },
  });

  return (
    <>
      <Button variant="danger-outline" onClick={() => setOpen(true)}>
        Leave organization
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) leave.reset();
        }}
        title={`Leave ${org.name}?`}
        description="You will lose access to its projects straight away. To come back, an admin will have to add you again."
        confirmLabel="Leave organization"
        pending={leave.isPending || leave.isSuccess}
        error={leave.isError ? errorMessage(leave.error) : undefined}
        onConfirm={() => leave.mutate()}
      />
    </>
  );
}
