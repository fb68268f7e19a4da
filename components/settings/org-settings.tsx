"use client";

import { ApiKeysSection } from "@/components/api-keys/api-keys-section";
import { useCan, useDashboard } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/dashboard/page-header";
import { WebhooksSection } from "@/components/webhooks/webhooks-section";
import { DangerRow, DangerZone } from "./danger-zone";
import { DeleteOrgButton } from "./delete-org-button";
import { LeaveOrgButton } from "./leave-org-button";
import { OrgGeneralForm } from "./org-general-form";
import { RequireTwoFactorSection } from "./require-two-factor-section";

/** The settings page; the org layout has already resolved the org and the caller's role. */
export function OrgSettings() {
  const { org } = useDashboard();
  const canDelete = useCan("org:delete");
  const canSecure = useCan("org:security");
  const canManageKeys = useCan("api_keys:manage");
  const canManageWebhooks = useCan("webhooks:manage");

  return (
    <>
      <PageHeader title="Settings" description={`Manage ${org.name}.`} />
      <div className="grid gap-8">
        <OrgGeneralForm />
        {canSecure && <RequireTwoFactorSection />}
        {canManageKeys && <ApiKeysSection />}
        {canManageWebhooks && <WebhooksSection slug={org.slug} />}
        <DangerZone>
          <DangerRow title="Leave organization" description="Remove yourself from this organization. The last owner cannot leave.">
            <LeaveOrgButton />
          </DangerRow>
          {canDelete && (
            <DangerRow title="Delete organization" description="Delete the organization with all of its projects and memberships, for everyone.">
              <DeleteOrgButton />
            </DangerRow>
          )}
        </DangerZone>
      </div>
    </>
  );
}
