"use client";

import type { Role } from "@/lib/db/generated/enums";
import type { MemberDto } from "@/lib/members/service";
import { canManageMember, grantableRoles } from "@/lib/members/rules";
import { useDashboard, useWriteBlock } from "@/components/dashboard/dashboard-context";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format-date";
import { Select } from "@/components/ui/input";
import { RoleBadge, roleLabel } from "./role-badge";

type Props = {
  members: MemberDto[];
  /** Present for roles that manage members: rows get a role select and a remove button. */
  onRoleChange?: (member: MemberDto, role: Role) => void;
  onRemove?: (member: MemberDto) => void;
};

/** Why a manager cannot change this row, or undefined when they can. */
function lockedReason(actor: Role, member: MemberDto, owners: number): string | undefined {
  if (!canManageMember(actor, member.role)) return "Only owners can change an owner's role.";
  if (member.role === "owner" && owners === 1) return "The only owner. Make someone else an owner or transfer ownership first.";
  return undefined;
}

/** Who is in the org, their role and when they joined; managers change roles and remove people here. */
export function MemberList({ members, onRoleChange, onRemove }: Props) {
  const { role: actorRole, user } = useDashboard();
  const owners = members.filter((m) => m.role === "owner").length;
  const managing = Boolean(onRoleChange && onRemove);
  const block = useWriteBlock("members:manage");

  return (
    <ul aria-label="Members" className="divide-y overflow-hidden rounded-xl border bg-surface shadow-xs">
      {members.map((member) => {
        const you = member.userId === user.id;
        const displayName = member.name ?? member.email;
        const nameId = `member-${member.userId}-name`;
        const reasonId = `member-${member.userId}-locked`;
        const locked = lockedReason(actorRole, member, owners);
        // A select always lists the member's current role, even one the actor could not grant.
        const options = [...new Set<Role>([member.role, ...grantableRoles(actorRole)])];
        return (
          <li key={member.userId} data-testid="member-row" className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3.5 sm:flex-nowrap sm:gap-x-4 sm:px-5">
            <div className="flex min-w-0 flex-1 basis-56 items-center gap-3 sm:basis-auto">
              <Avatar label={displayName} seed={member.userId} />
              <div className="grid min-w-0 flex-1 gap-0.5">
                <p className="flex min-w-0 items-center gap-2">
                  <span id={nameId} className="truncate text-sm font-medium">
                    {displayName}
                  </span>
                  {you && <Badge>You</Badge>}
                </p>
                {member.name && <p className="truncate text-sm text-muted-foreground">{member.email}</p>}
              </div>
            </div>
            <p className="hidden shrink-0 text-sm text-muted-foreground md:block">
              Joined <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
            </p>
            {managing ? (
              <div className="ml-auto flex shrink-0 items-center gap-1.5">
                <label htmlFor={`member-${member.userId}-role`} className="sr-only">
                  Role for {displayName}
                </label>
                <Select
                  id={`member-${member.userId}-role`}
                  className="w-32"
                  value={member.role}
                  disabled={Boolean(locked) || block.disabled}
                  title={locked ?? block.title}
                  aria-describedby={locked ? reasonId : block["aria-describedby"]}
                  onChange={(e) => {
                    const next = options.find((r) => r === e.target.value);
                    if (next && next !== member.role) onRoleChange?.(member, next);
                  }}
                >
                  {options.map((r) => (
                    <option key={r} value={r}>
                      {roleLabel(r)}
                    </option>
                  ))}
                </Select>
                {locked && (
                  <span id={reasonId} className="sr-only">
                    {locked}
                  </span>
                )}
                {/* A fixed slot, so selects line up whether or not a row can be removed. */}
                <div className="flex w-9 justify-end sm:w-24">
                  {!you && canManageMember(actorRole, member.role) && (
                    <Button
                      variant="subtle-danger"
                      size="xs"
                      className="icon-delete"
                      disabled={block.disabled}
                      title={block.title}
                      aria-describedby={[nameId, block["aria-describedby"]].filter(Boolean).join(" ")}
                      onClick={() => onRemove?.(member)}
                    >
                      <span className="sr-only sm:not-sr-only">Remove</span>
                    </Button>
                  )}
                </div>
              </div>
            ) : (
              <div className="ml-auto flex w-20 shrink-0 justify-end">
                <RoleBadge role={member.role} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
