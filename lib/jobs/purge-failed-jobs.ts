import { parseCronItems, type ParsedCronItem, type Task } from "graphile-worker";
import { JOBS_SCHEMA } from "@/lib/db/job-schema";
import { log } from "@/lib/log";

/**
 * graphile-worker keeps a job that used up its attempts, payload and all, until something
 * deletes it; an email job's payload holds a sign-in or invitation link. This recurring task
 * deletes such jobs once they have been failed for the retention period (JOBS_FAILED_RETENTION_DAYS),
 * which leaves time to look into a failure without keeping the links around for good.
 *
 * It is a worker-only task: requests cannot enqueue it (app_enqueue_job accepts only the
 * names in lib/jobs/tasks.ts), graphile-worker's cron schedules it.
 */
export const PURGE_FAILED_JOBS_TASK = "purge_failed_jobs";

/** Anything that runs a query: a pg client or pool, or a job's helpers. */
type Queryable = { query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }> };

/** Deletes the jobs that failed for good more than `retentionDays` ago; returns how many. */
export async function purgeFailedJobs(db: Queryable, retentionDays: number): Promise<number> {
  // updated_at is when the last attempt failed; a locked job is still being worked on.
  const { rowCount } = await db.query(
    `DELETE FROM ${JOBS_SCHEMA}._private_jobs
     WHERE attempts >= max_attempts AND locked_at IS NULL AND updated_at < now() - make_interval(days => $1)`,
    [retentionDays],
  );
  return rowCount ?? 0;
}

/** The task and its hourly schedule, for the worker (lib/jobs/worker.ts). */
export function purgeFailedJobsSchedule(retentionDays: number): { task: Task; cron: ParsedCronItem[] } {
  const task: Task = async (_payload, helpers) => {
    const purged = await purgeFailedJobs(helpers, retentionDays);
    if (purged > 0) log.info("purged permanently failed jobs", { component: "jobs", purged, retentionDays });
  };
  // No backfill: a purge missed while no worker ran is done by the next one anyway.
  const cron = parseCronItems([{ task: PURGE_FAILED_JOBS_TASK, identifier: PURGE_FAILED_JOBS_TASK, match: "17 * * * *", options: { backfillPeriod: 0, maxAttempts: 1 } }]);
  return { task, cron };
}
