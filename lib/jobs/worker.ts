import { run, type JobHelpers, type Runner, type Task, type TaskList } from "graphile-worker";
import pg from "pg";
import { JOBS_SCHEMA, WORKER_ROLE } from "@/lib/db/job-schema";
import { log } from "@/lib/log";
import { handlers } from "./handlers";
import { workerLogger } from "./logger";
import { PURGE_FAILED_JOBS_TASK, purgeFailedJobsSchedule } from "./purge-failed-jobs";
import { scheduledCronItems } from "./schedules";
import { type TaskName, tasks } from "./tasks";

export type WorkerOptions = {
  connectionString: string;
  /** Jobs run at the same time by this process. */
  concurrency: number;
  /** How often an idle worker looks for due jobs (see JOBS_POLL_INTERVAL_MS in lib/env.ts). */
  pollIntervalMs: number;
  /** Days a job that failed for good is kept before the hourly purge deletes it (JOBS_FAILED_RETENTION_DAYS). */
  failedJobRetentionDays: number;
};

export type JobWorker = {
  /** Stops taking jobs, lets running ones finish (or aborts them after a few seconds) and unlocks what is left. */
  stop(): Promise<void>;
};

/**
 * Runs graphile-worker over every task in lib/jobs/tasks.ts (those in lib/jobs/schedules.ts
 * also on their clock), and the hourly purge of failed jobs (lib/jobs/purge-failed-jobs.ts), until `stop()`. The worker is told
 * about new jobs by LISTEN/NOTIFY where the server delivers it and otherwise finds them by
 * polling, which is all it gets on the embedded PGlite database. Signals are the caller's
 * business (instrumentation.ts, scripts/worker.ts): graphile-worker's own handlers would
 * re-raise them and fight the host process's.
 */
export async function startWorker({ connectionString, concurrency, pollIntervalMs, failedJobRetentionDays }: WorkerOptions): Promise<JobWorker> {
  // Our pool rather than graphile-worker's: its own is ended without waiting on stop, and a
  // database that goes away after that would surface as an unhandled error.
  const pool = new pg.Pool({ connectionString, max: concurrency + 2 }); // a connection per job, one for LISTEN, one to fetch
  pool.on("error", (error) => log.warn("job worker: idle database connection failed", { component: "jobs", error }));
  pool.on("connect", (client) => client.on("error", (error) => log.warn("job worker: database connection failed", { component: "jobs", error })));

  const purge = purgeFailedJobsSchedule(failedJobRetentionDays);
  let runner: Runner;
  try {
    await assertWorkerPrivileges(pool);
    runner = await run({
      pgPool: pool,
      schema: JOBS_SCHEMA,
      concurrency,
      pollInterval: pollIntervalMs,
      noHandleSignals: true,
      // Named prepared statements live in the database session; PGlite has one session for all
      // connections (and poolers in transaction mode move connections between sessions).
      noPreparedStatements: true,
      taskList: { ...taskList(), [PURGE_FAILED_JOBS_TASK]: purge.task },
      // Given here, so graphile-worker does not look for a ./crontab file.
      parsedCronItems: [...purge.cron, ...scheduledCronItems()],
      logger: workerLogger,
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  log.info("job worker started", { component: "jobs", concurrency, pollIntervalMs });
  runner.promise.catch((error: unknown) => log.error("job worker stopped on an error", { component: "jobs", error }));

  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        await runner.stop();
        await pool.end();
        log.info("job worker stopped", { component: "jobs" });
      })()),
  };
}

function taskList(): TaskList {
  const list: TaskList = {};
  for (const name of Object.keys(tasks) as TaskName[]) list[name] = bind(name);
  return list;
}

/**
 * The payload is parsed again here: the job may have been enqueued by another version of the
 * app. A payload that does not parse fails the attempt like any error, so a worker of the
 * matching version can still take it during a rolling deploy.
 */
function bind<T extends TaskName>(name: T): Task {
  return (payload: unknown, helpers: JobHelpers) =>
    handlers[name](tasks[name].payload.parse(payload), {
      id: helpers.job.id,
      attempt: helpers.job.attempts,
      maxAttempts: helpers.job.max_attempts,
      signal: helpers.abortSignal,
    });
}

/**
 * graphile-worker would fail on a missing privilege with "permission denied for schema", which
 * does not say what to do; this says it before anything starts.
 */
async function assertWorkerPrivileges(pool: pg.Pool): Promise<void> {
  // Schema first: looking up a table in a schema the login may not use is itself an error.
  const { rows } = await pool.query<{ login: string; installed: boolean; allowed: boolean }>(
    `SELECT current_user AS login,
            to_regnamespace($1) IS NOT NULL AS installed,
            CASE WHEN to_regnamespace($1) IS NOT NULL AND has_schema_privilege($1, 'USAGE')
              THEN has_table_privilege($2, 'UPDATE') ELSE false
            END AS allowed`,
    [JOBS_SCHEMA, `${JOBS_SCHEMA}._private_jobs`],
  );
  const row = rows[0];
  if (!row?.installed) {
    throw new Error("The job queue is not installed in this database: run the migrations (npm run db:migrate) first.");
  }
  if (!row.allowed) {
    throw new Error(`The database login "${row.login}" may not run jobs. As the database owner, run:\n  GRANT ${WORKER_ROLE} TO "${row.login}";`);
  }
}
