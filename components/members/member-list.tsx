import type { MemberDto } from "@/lib/members/service";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format-date";
import { RoleBadge } from "./role-badge";

/** Read-only roster: who is in the org, their role and when they joined. */
export function MemberList({ members, currentUserId }: { members: MemberDto[]; currentUserId: string }) {
  return (
    <ul aria-label="Members" className="divide-y overflow-hidden rounded-xl border bg-surface shadow-xs">
      {members.map((member) => {
        const you = member.userId === currentUserId;
        const displayName = member.name ?? member.email;
        return (
          <li key={member.userId} className="flex items-center gap-3 px-4 py-3.5 sm:gap-4 sm:px-5">
            <Avatar label={displayName} seed={member.userId} />
            <div className="grid min-w-0 flex-1 gap-0.5">
              <p className="flex min-w-0 items-center gap-2">
                <span className="truncate text-sm font-medium">{displayName}</span>
                {you && <Badge>You</Badge>}
              </p>
              {member.name && <p className="truncate text-sm text-muted-foreground">{member.email}</p>}
              <p className="text-xs text-muted-foreground sm:hidden">Joined {formatDate(member.joinedAt)}</p>
            </div>
            <p className="hidden shrink-0 text-sm text-muted-foreground sm:block">
              Joined <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
            </p>
            <div className="flex w-20 shrink-0 justify-end">
              <RoleBadge role={member.role} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
