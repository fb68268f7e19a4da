"use client";

import type { InvitationDto } from "@/lib/invitations/schemas";
import { useWriteBlock } from "@/components/dashboard/dashboard-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/components/ui/format-date";
import { MailIcon, XIcon } from "@/components/ui/icons";
import { RoleBadge } from "./role-badge";

type Props = {
  invitations: InvitationDto[];
  /** Present for roles that manage members. */
  onResend?: (invitation: InvitationDto) => void;
  onRevoke?: (invitation: InvitationDto) => void;
  /** The invitation whose resend is in flight. */
  resendingId?: string;
};

function details(invitation: InvitationDto): string {
  const by = invitation.invitedBy ? `Invited by ${invitation.invitedBy.name ?? invitation.invitedBy.email}` : "Invited";
  const expiry = invitation.status === "expired" ? `expired ${formatDate(invitation.expiresAt)}` : `expires ${formatDate(invitation.expiresAt)}`;
  const sent = invitation.sendCount > 1 ? ` · sent ${invitation.sendCount} times` : "";
  return `${by} · ${expiry}${sent}`;
}

export function InvitationList({ invitations, onResend, onRevoke, resendingId }: Props) {
  const block = useWriteBlock("members:manage");
  return (
    <ul aria-label="Pending invitations" className="divide-y overflow-hidden rounded-xl border bg-surface shadow-xs">
      {invitations.map((invitation) => {
        const emailId = `invitation-${invitation.id}-email`;
        const actionProps = { disabled: block.disabled, title: block.title, "aria-describedby": [emailId, block["aria-describedby"]].filter(Boolean).join(" ") };
        const expired = invitation.status === "expired";
        return (
          <li key={invitation.id} data-testid="invitation-row" className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3.5 sm:flex-nowrap sm:gap-x-4 sm:px-5">
            <div className="flex min-w-0 flex-1 basis-56 items-center gap-3 sm:basis-auto">
              <span aria-hidden="true" className="inline-flex size-9 shrink-0 items-center justify-center rounded-full border border-dashed text-muted-foreground">
                <MailIcon />
              </span>
              <div className="grid min-w-0 flex-1 gap-0.5">
                <p id={emailId} className="truncate text-sm font-medium">
                  {invitation.email}
                </p>
                <p className="truncate text-sm text-muted-foreground" title={`Last sent ${formatDateTime(invitation.lastSentAt)}`}>
                  {details(invitation)}
                </p>
              </div>
            </div>
            <div className="ml-auto flex shrink-0 items-center gap-2">
              {expired ? <Badge tone="amber">Expired</Badge> : <Badge tone="green">Pending</Badge>}
              <RoleBadge role={invitation.role} />
              {onResend && onRevoke && (
                <div className="ml-1 flex items-center gap-1">
                  <Button
                    variant="subtle"
                    size="xs"
                    {...actionProps}
                    loading={resendingId === invitation.id}
                    onClick={() => onResend(invitation)}
                  >
                    {resendingId !== invitation.id && <MailIcon className="size-3.5" />}
                    <span className="sr-only sm:not-sr-only">Resend</span>
                  </Button>
                  <Button variant="subtle-danger" size="xs" {...actionProps} onClick={() => onRevoke(invitation)}>
                    <XIcon className="size-3.5" />
                    <span className="sr-only sm:not-sr-only">Revoke</span>
                  </Button>
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
