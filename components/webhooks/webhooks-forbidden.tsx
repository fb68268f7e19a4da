import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";

/** For members whose role cannot manage webhooks and who reached the page by its address. */
export function WebhooksForbidden({ org }: { org: { slug: string; name: string } }) {
  return (
    <>
      <PageHeader title="Webhooks" />
      <EmptyState
        icon={LockIcon}
        title="Only owners and admins can manage webhooks"
        description={`Ask an owner or admin of ${org.name} to add or change an endpoint.`}
        action={
          <Link href={`/dashboard/${org.slug}/settings`} className={buttonClasses({ variant: "secondary" })}>
            Back to settings
          </Link>
        }
      />
    </>
  );
}
