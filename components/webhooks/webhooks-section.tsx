import Link from "next/link";
import { webhooksPath } from "@/lib/webhooks/paths";
import { buttonClasses } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { ArrowRightIcon } from "@/components/ui/icons";

/** The settings page's way into Settings → Webhooks. */
export function WebhooksSection({ slug }: { slug: string }) {
  return (
    <CardSection
      headingId="settings-webhooks"
      title="Webhooks"
      description="Have projects, members and billing changes POSTed to your own systems as signed JSON, with a delivery log and retries."
    >
      <Link href={webhooksPath(slug)} className={buttonClasses({ variant: "secondary" })}>
        Manage webhooks
        <ArrowRightIcon />
      </Link>
    </CardSection>
  );
}
