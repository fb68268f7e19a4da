import { PageHeader } from "@/components/dashboard/page-header";
import { ProjectListSkeleton } from "@/components/projects/project-list-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function ProjectsLoading() {
  return (
    <>
      <PageHeader title="Projects" description={<Skeleton className="h-4 w-48" />} />
      <div className="mb-4 flex gap-3">
        <Skeleton className="h-9 flex-1 sm:max-w-sm" />
        <Skeleton className="h-9 w-32 sm:w-44" />
      </div>
      <ProjectListSkeleton />
    </>
  );
}
