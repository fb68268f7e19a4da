import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import { tasks } from "@/lib/jobs/tasks";
import { SQLSTATE } from "./postgres-error";

/**
 * graphile-worker's schema, installed by the owner as part of `migrate()`: the app never
 * creates or alters it at request time, and the worker only reads its version.
 *
 * Two roles get exactly what their side of the queue needs:
 *
 * - `tenantkit_app` (every request transaction) may only call `app_enqueue_job`, and only with a
 *   task name from lib/jobs/tasks.ts. graphile-worker's
 *   own `add_job` is SECURITY INVOKER and writes `_private_jobs`, `_private_tasks` and
 *   `_private_job_queues`, which have row-level security enabled without any policy: granting
 *   the app those tables (and a policy) would let any request read or rewrite every tenant's
 *   queued jobs, payloads included. The wrapper runs `add_job` as the owner and returns the id.
 * - `tenantkit_worker` (NOLOGIN, like tenantkit_app) may fetch, lock, complete and fail jobs.
 *   The login a worker runs as must be granted it: `GRANT tenantkit_worker TO <login>`.
 *   Request transactions switch to tenantkit_app, so they never carry it.
 *
 * Everything here is idempotent and re-applied on every run, so a graphile-worker upgrade that
 * recreates a table gets its grants and policies back in the same step.
 */

export const JOBS_SCHEMA = "graphile_worker";
export const WORKER_ROLE = "tenantkit_worker";

/** Which graphile-worker tables the worker touches, and how (checked against graphile-worker 0.17's SQL). */
const workerTables = {
  _private_jobs: "SELECT, INSERT, UPDATE, DELETE", // fetch + lock, complete (delete), fail, add follow-up jobs
  _private_job_queues: "SELECT, INSERT, UPDATE", // named queues are locked and unlocked alongside their jobs
  _private_tasks: "SELECT, INSERT", // a worker registers the task identifiers it knows at start
  _private_known_crontabs: "SELECT, INSERT, UPDATE", // cron bookkeeping
} as const;

/** The task names requests may enqueue, as SQL literals. */
const enqueueableTasks = Object.keys(tasks)
  .map((name) => `'${name.replaceAll("'", "''")}'`)
  .join(", ");

const GRANTS = `
DO $$
BEGIN
  -- Roles are cluster-wide: another database (or a concurrent run) may have created it.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${WORKER_ROLE}') THEN
    CREATE ROLE ${WORKER_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${WORKER_ROLE};
-- A starting worker reads the schema version (and refuses to run against a newer one).
GRANT SELECT ON ${JOBS_SCHEMA}.migrations TO ${WORKER_ROLE};
${Object.entries(workerTables)
  .map(([table, privileges]) => `GRANT ${privileges} ON ${JOBS_SCHEMA}.${table} TO ${WORKER_ROLE};`)
  .join("\n")}

-- Created only when missing: DROP POLICY would lock the jobs table on every deploy.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[${Object.keys(workerTables)
    .map((t) => `'${t}'`)
    .join(", ")}] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = '${JOBS_SCHEMA}' AND tablename = t AND policyname = '${WORKER_ROLE}') THEN
      EXECUTE format('CREATE POLICY ${WORKER_ROLE} ON ${JOBS_SCHEMA}.%I TO ${WORKER_ROLE} USING (true) WITH CHECK (true)', t);
    END IF;
  END LOOP;
END $$;

-- SECURITY DEFINER with a fixed search_path, so a caller's own objects cannot stand in for ours.
-- Only the app's own task names (lib/jobs/tasks.ts, written in by this installer on every run,
-- so the list cannot drift from the code): a request that could queue any task name could
-- queue work for tasks the app never meant requests to start.
CREATE OR REPLACE FUNCTION public.app_enqueue_job(
  task_identifier text,
  payload json,
  run_at timestamptz DEFAULT NULL,
  max_attempts integer DEFAULT NULL,
  job_key text DEFAULT NULL
) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT coalesce(app_enqueue_job.task_identifier = ANY (ARRAY[${enqueueableTasks}]::text[]), false) THEN
    RAISE EXCEPTION 'app_enqueue_job: % is not a task of this app', coalesce(quote_literal(app_enqueue_job.task_identifier), 'NULL')
      USING ERRCODE = '${SQLSTATE.unknownJobTask}';
  END IF;
  RETURN (${JOBS_SCHEMA}.add_job(
    app_enqueue_job.task_identifier,
    app_enqueue_job.payload,
    run_at => app_enqueue_job.run_at,
    max_attempts => app_enqueue_job.max_attempts,
    job_key => app_enqueue_job.job_key
  )).id;
END
$$;
REVOKE ALL ON FUNCTION public.app_enqueue_job(text, json, timestamptz, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.app_enqueue_job(text, json, timestamptz, integer, text) TO tenantkit_app;
`;

/**
 * Brings graphile-worker's schema up to date and (re)applies the grants above. `client` is the
 * migration runner's owner session, which holds the migration lock; graphile-worker migrates
 * over a connection of its own (it commits each of its migrations separately).
 */
export async function installJobSchema(client: pg.Client, connectionString: string, log: (message: string) => void): Promise<void> {
  // Our pool, ended before we return: graphile-worker does not wait for the end of its own.
  const pool = new pg.Pool({ connectionString, max: 1 });
  const report = (error: Error) => log(`graphile-worker migration connection failed: ${error.message}`);
  pool.on("error", report);
  pool.on("connect", (connection) => connection.on("error", report));
  try {
    await runMigrations({ pgPool: pool, schema: JOBS_SCHEMA, logger: migrationLogger(log) });
  } finally {
    await pool.end();
  }
  await client.query("BEGIN");
  try {
    await client.query(GRANTS);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** graphile-worker's warnings and errors go to the runner's log; its debug chatter does not. */
function migrationLogger(log: (message: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(`graphile-worker: ${message}`);
  });
}
