import { db } from "@/lib/db/client";
import type { TaskHandler } from "@/lib/jobs/handlers";
import { log } from "@/lib/log";

/**
 * The hourly `idempotency_purge` task: deletes stored answers past their 24 hours, in every org
 * and for every user (app_purge_idempotency_keys, migrations idempotency_keys and
 * user_idempotency_keys). An expired key already counts as new when it is sent again; this keeps
 * the tables to a day of keys.
 */
export const purgeIdempotencyKeys: TaskHandler<"idempotency_purge"> = async () => {
  const [row] = await db.$queryRaw<{ purged: number }[]>`select app_purge_idempotency_keys() as purged`;
  if (row && row.purged > 0) log.info("purged expired idempotency keys", { component: "idempotency", purged: row.purged });
};
