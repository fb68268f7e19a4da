import { RoleBadge } from "@/components/members/role-badge";
import { Avatar } from "@/components/ui/avatar";
import { formatDate } from "@/components/ui/format-date";
import type { InvitationView } from "@/lib/invitations/lookup";

/** Who invited whom to which org, as what: the facts someone checks before accepting. */
export function InvitationSummary({ invitation }: { invitation: InvitationView }) {
  const { org, invitedBy, role, email, expiresAt } = invitation;
  return (
    <div className="grid gap-3 rounded-lg border bg-subtle p-4 text-sm">
      <div className="flex items-center gap-3">
        <Avatar label={org.name} seed={org.slug} shape="square" />
        <div className="grid min-w-0">
          <span className="truncate font-medium">{org.name}</span>
          {invitedBy && <span className="truncate text-muted-foreground">Invited by {invitedBy.name ?? invitedBy.email}</span>}
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2">
        <dt className="text-muted-foreground">Role</dt>
        <dd>
          <RoleBadge role={role} />
        </dd>
        <dt className="text-muted-foreground">Sent to</dt>
        <dd className="truncate font-medium">{email}</dd>
        <dt className="text-muted-foreground">Expires</dt>
        <dd>{formatDate(expiresAt.toISOString())}</dd>
      </dl>
    </div>
  );
}
