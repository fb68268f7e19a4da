"use client";

import { useState } from "react";
import type { Role } from "@/lib/db/generated/enums";
import type { MemberDto } from "@/lib/members/service";
import { ROLES } from "@/lib/auth/permissions";
import { useCan, useDashboard } from "@/components/dashboard/dashboard-context";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { MemberList } from "./member-list";
import { roleLabel } from "./role-badge";
import { useMemberMutations } from "./use-members";

type PendingRole = { member: MemberDto; role: Role };

const rank = (role: Role) => ROLES.indexOf(role);

/**
 * The member list with its confirmations: removing someone, lowering your own role and
 * making someone an owner ask first; other role changes apply at once (and can be undone).
 */
export function MemberRoster({ members }: { members: MemberDto[] }) {
  const { org, user } = useDashboard();
  const canManage = useCan("members:manage");
  const { changeRole, remove } = useMemberMutations();
  const [confirmRole, setConfirmRole] = useState<PendingRole | null>(null);
  const [removing, setRemoving] = useState<MemberDto | null>(null);

  function onRoleChange(member: MemberDto, role: Role) {
    const demotingSelf = member.userId === user.id && rank(role) > rank(member.role);
    if (demotingSelf || role === "owner") setConfirmRole({ member, role });
    else changeRole.mutate({ member, role });
  }

  const self = confirmRole?.member.userId === user.id;
  const newRole = confirmRole ? roleLabel(confirmRole.role) : "";
  const name = (m: MemberDto | undefined | null) => m?.name ?? m?.email;

  return (
    <>
      <MemberList members={members} onRoleChange={canManage ? onRoleChange : undefined} onRemove={canManage ? setRemoving : undefined} />
      {canManage && (
        <>
          <ConfirmDialog
            open={confirmRole !== null}
            onOpenChange={(open) => !open && setConfirmRole(null)}
            tone={self ? "danger" : "primary"}
            title={self ? `Change your role to ${newRole}?` : `Make ${name(confirmRole?.member)} an owner?`}
            description={
              self
                ? "You will lose the permissions of your current role straight away, and you cannot give them back to yourself."
                : `Owners have full control of ${org.name}: they can delete it, manage billing and remove other owners, including you.`
            }
            confirmLabel={self ? "Change my role" : "Make owner"}
            onConfirm={() => {
              if (confirmRole) changeRole.mutate(confirmRole);
              setConfirmRole(null);
            }}
          />
          <ConfirmDialog
            open={removing !== null}
            onOpenChange={(open) => !open && setRemoving(null)}
            title={`Remove ${name(removing)}?`}
            description={
              <>
                <strong className="font-medium text-foreground">{removing?.email}</strong> will lose access to {org.name} on their next page load. To come
                back, they need a new invitation.
              </>
            }
            confirmLabel="Remove member"
            onConfirm={() => {
              if (removing) remove.mutate(removing);
              setRemoving(null);
            }}
          />
        </>
      )}
    </>
  );
}
