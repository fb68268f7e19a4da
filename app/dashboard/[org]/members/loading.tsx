import { PageHeader } from "@/components/dashboard/page-header";
import { MemberListSkeleton } from "@/components/members/member-list-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function MembersLoading() {
  return (
    <>
      <PageHeader title="Members" description={<Skeleton className="h-4 w-56" />} />
      <MemberListSkeleton />
      <div className="mt-12 mb-4 grid gap-2">
        <Skeleton className="h-5 w-44" />
        <Skeleton className="h-4 w-72" />
      </div>
      <MemberListSkeleton rows={2} />
    </>
  );
}
