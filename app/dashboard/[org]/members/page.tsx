import type { Metadata } from "next";
import { loadAsMember } from "@/components/dashboard/load-as-member";
import { PageHeader } from "@/components/dashboard/page-header";
import { MemberList } from "@/components/members/member-list";
import { listMembers } from "@/lib/members/service";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { members, orgName, userId } = await loadAsMember(org, "members:read", `/dashboard/${org}/members`, async (ctx, tx) => ({
    members: await listMembers(ctx, tx),
    orgName: ctx.org.name,
    userId: ctx.actor.userId,
  }));

  return (
    <>
      <PageHeader
        title="Members"
        description={`${members.length} ${members.length === 1 ? "person has" : "people have"} access to ${orgName}.`}
      />
      <MemberList members={members} currentUserId={userId} />
      <p className="mt-4 text-sm text-muted-foreground">Inviting people by email is coming soon.</p>
    </>
  );
}
