import { WORKER_ROLE } from "@/lib/db/job-schema";
import { scoped } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import type { TaskHandler } from "@/lib/jobs/handlers";
import { log } from "@/lib/log";

/**
 * The daily `webhook_purge_deliveries` task: deletes deliveries older than
 * WEBHOOKS_LOG_RETENTION_DAYS in every org, except those still waiting for an attempt. It runs
 * as tenantkit_worker, the only role that may call the owner's purge function (see the
 * webhooks migration). Returns how many were deleted, for tests.
 */
export async function purgeDeliveries(retentionDays: number): Promise<number> {
  const [row] = await scoped({}, async (tx) => {
    await tx.$executeRaw`select set_config('role', ${WORKER_ROLE}, true)`;
    return tx.$queryRaw<{ purged: number }[]>`select app_purge_webhook_deliveries(${retentionDays}::int) as purged`;
  });
  return row?.purged ?? 0;
}

export const purgeWebhookDeliveries: TaskHandler<"webhook_purge_deliveries"> = async () => {
  const purged = await purgeDeliveries(env.WEBHOOKS_LOG_RETENTION_DAYS);
  if (purged > 0) log.info("purged old webhook deliveries", { component: "webhooks", purged, retentionDays: env.WEBHOOKS_LOG_RETENTION_DAYS });
};
