import type { Tx } from "@/lib/db/tenant-transaction";
import { type TaskInput, type TaskName, tasks } from "./tasks";

export type EnqueueOptions = {
  /**
   * graphile-worker's job key: while a job with this key waits, enqueueing the same key
   * replaces its payload and schedule instead of adding a second job (a job already running
   * is not affected; the new one runs after it).
   */
  jobKey?: string;
  /** Defaults to the task's own (lib/jobs/tasks.ts). */
  maxAttempts?: number;
  /** Not before this time; defaults to now. */
  runAt?: Date;
};

/**
 * Adds a job in the caller's transaction: it becomes visible to workers when `tx` commits,
 * and a transaction that rolls back leaves no job behind. The payload is validated here, so
 * a malformed one fails the request that made it rather than a worker later.
 *
 * Runs as the request's role (tenantkit_app), which may call `app_enqueue_job` and nothing
 * else in the queue (lib/db/job-schema.ts). Returns the job's id.
 */
export async function enqueue<T extends TaskName>(tx: Tx, task: T, payload: TaskInput<T>, options: EnqueueOptions = {}): Promise<string> {
  const definition = tasks[task];
  const json = JSON.stringify(definition.payload.parse(payload));
  const [row] = await tx.$queryRaw<{ id: bigint }[]>`
    select app_enqueue_job(${task}, ${json}::json, ${options.runAt ?? null}::timestamptz, ${options.maxAttempts ?? definition.maxAttempts}::int, ${options.jobKey ?? null}::text) as id`;
  if (!row) throw new Error(`app_enqueue_job returned no job for ${task}`);
  return String(row.id);
}
