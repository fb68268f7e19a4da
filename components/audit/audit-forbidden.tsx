import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";

/** For members whose role cannot read the audit log and who reached it by its address. */
export function AuditForbidden({ org }: { org: { slug: string; name: string } }) {
  return (
    <>
      <PageHeader title="Audit log" />
      <EmptyState
        icon={LockIcon}
        title="Only owners and admins can see the audit log"
        description={`Ask an owner or admin of ${org.name} if you need a record of who changed what.`}
        action={
          <Link href={`/dashboard/${org.slug}/projects`} className={buttonClasses({ variant: "secondary" })}>
            Back to projects
          </Link>
        }
      />
    </>
  );
}
