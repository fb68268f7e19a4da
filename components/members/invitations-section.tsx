"use client";

import { useState } from "react";
import type { InvitationDto, InvitationList as Invitations } from "@/lib/invitations/schemas";
import { useCan, useDashboard, useWriteBlock } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { MailIcon, PlusIcon } from "@/components/ui/icons";
import { InvitationList } from "./invitation-list";
import { SeatUsage } from "./seat-usage";
import { useInvitationMutations } from "./use-invitations";

type Props = {
  invitations: Invitations;
  /** The last refetch failed; the list shown is the one loaded before. */
  error: unknown;
  refetching: boolean;
  onRetry: () => void;
  onInvite: () => void;
};

/** Who has been invited and not yet joined; everyone sees it, managers resend and revoke. */
export function InvitationsSection({ invitations, error, refetching, onRetry, onInvite }: Props) {
  const { org } = useDashboard();
  const canManage = useCan("members:manage");
  const block = useWriteBlock("members:manage");
  const { resend, revoke } = useInvitationMutations();
  const [revoking, setRevoking] = useState<InvitationDto | null>(null);
  const list = invitations.data;

  return (
    <section aria-labelledby="invitations-heading" className="mt-12">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="grid gap-1">
          <h2 id="invitations-heading" className="text-base font-semibold">
            Pending invitations
          </h2>
          <p className="text-sm text-muted-foreground">Invitations hold a seat until they are accepted, revoked or expire.</p>
        </div>
        <SeatUsage seats={invitations.seats} />
      </div>

      {error !== null && (
        <Callout tone="error" className="mb-4" title="Couldn't refresh invitations">
          <p>{errorMessage(error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" loading={refetching} onClick={onRetry}>
            Try again
          </Button>
        </Callout>
      )}

      {list.length === 0 ? (
        <EmptyState
          icon={MailIcon}
          title="No pending invitations"
          description={
            canManage ? "Invite teammates by email. They join with the role you choose when they accept." : `When an admin invites someone to ${org.name}, they show up here until they join.`
          }
          action={
            canManage && (
              <Button variant="secondary" {...block} onClick={onInvite}>
                <PlusIcon />
                Invite people
              </Button>
            )
          }
          className="py-10"
        />
      ) : (
        <InvitationList
          invitations={list}
          onResend={canManage ? (i) => resend.mutate(i) : undefined}
          onRevoke={canManage ? setRevoking : undefined}
          resendingId={resend.isPending ? resend.variables?.id : undefined}
        />
      )}

      {canManage && (
        <ConfirmDialog
          open={revoking !== null}
          onOpenChange={(open) => !open && setRevoking(null)}
          title="Revoke invitation?"
          description={
            <>
              The link sent to <strong className="font-medium text-foreground">{revoking?.email}</strong> will stop working and the seat is freed. You can
              invite them again later.
            </>
          }
          confirmLabel="Revoke invitation"
          onConfirm={() => {
            if (revoking) revoke.mutate(revoking);
            setRevoking(null);
          }}
        />
      )}
    </section>
  );
}
