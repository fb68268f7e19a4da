"use client";

import { useState } from "react";
import type { InvitationList } from "@/lib/invitations/schemas";
import { canTransferOwnership } from "@/lib/members/rules";
import type { MemberDto } from "@/lib/members/service";
import { useCan, useDashboard, useWriteBlock } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/dashboard/page-header";
import { DangerRow, DangerZone } from "@/components/settings/danger-zone";
import { LeaveOrgButton } from "@/components/settings/leave-org-button";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { InvitationsSection } from "./invitations-section";
import { InviteDialog } from "./invite-dialog";
import { MemberRoster } from "./member-roster";
import { TransferOwnershipButton } from "./transfer-ownership-button";
import { useInvitations } from "./use-invitations";
import { useMembers } from "./use-members";

type InitialTeam = { members: MemberDto[]; invitations: InvitationList };

/** The members page: the roster, pending invitations, and the ways to hand over or leave. */
export function MembersView({ initial }: { initial: InitialTeam }) {
  const { org, role } = useDashboard();
  const canManage = useCan("members:manage");
  const block = useWriteBlock("members:manage");
  const members = useMembers(initial.members).data;
  const invitations = useInvitations(initial.invitations);
  const [inviting, setInviting] = useState(false);

  return (
    <>
      <PageHeader
        title="Members"
        description={`${members.length} ${members.length === 1 ? "person has" : "people have"} access to ${org.name}.`}
        actions={
          canManage && (
            <Button {...block} onClick={() => setInviting(true)}>
              <PlusIcon />
              Invite people
            </Button>
          )
        }
      />

      <MemberRoster members={members} />

      <InvitationsSection
        invitations={invitations.data}
        error={invitations.isRefetchError ? invitations.error : null}
        refetching={invitations.isFetching}
        onRetry={() => void invitations.refetch()}
        onInvite={() => setInviting(true)}
      />

      <div className="mt-12">
        <DangerZone>
          {canTransferOwnership(role) && (
            <DangerRow title="Transfer ownership" description="Make another member the owner. You stay on as an admin.">
              <TransferOwnershipButton members={members} />
            </DangerRow>
          )}
          <DangerRow title="Leave organization" description="Remove yourself from this organization. The last owner cannot leave.">
            <LeaveOrgButton />
          </DangerRow>
        </DangerZone>
      </div>

      {canManage && <InviteDialog open={inviting} onOpenChange={setInviting} seats={invitations.data.seats} />}
    </>
  );
}
