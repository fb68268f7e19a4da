import type { Metadata } from "next";
import { loadAsMember } from "@/lib/orgs/load-as-member";
import { MembersView } from "@/components/members/members-view";
import { listInvitations } from "@/lib/invitations/service";
import { listMembers } from "@/lib/members/service";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const initial = await loadAsMember(org, "members:read", `/dashboard/${org}/members`, async (ctx, tx) => ({
    members: await listMembers(ctx, tx),
    invitations: await listInvitations(ctx, tx),
  }));
  return <MembersView initial={initial} />;
}
