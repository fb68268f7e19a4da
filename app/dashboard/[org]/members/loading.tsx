import { PageHeader } from "@/components/dashboard/page-header";
import { MemberListSkeleton } from "@/components/members/member-list-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function MembersLoading() {
  return (
    <>
      <PageHeader title="Members" description={<Skeleton className="h-4 w-56" />} />
      <MemberListSkeleton />
    </>
  );
}
