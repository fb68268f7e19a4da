import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { type JobWorker, startWorker } from "./worker";

// Next's dev server can evaluate instrumentation again in the same process; one worker per process.
const globalForJobs = globalThis as unknown as { tenantkitInlineWorker?: Promise<JobWorker> };

/**
 * The in-process worker (JOBS_WORKER=inline, the default): the app's server runs the jobs, so
 * `npm run dev`, `npm start` and the embedded database need nothing else. Called once from
 * instrumentation.ts, at server start. A worker that cannot start (missing grant, schema not
 * installed) throws: Next then logs the reason and answers every request, the health check
 * included, with 500, rather than serving while queued email goes nowhere.
 */
export async function startInlineWorker(): Promise<void> {
  if (env.JOBS_WORKER === "off") {
    log.info("jobs are not run by this process (JOBS_WORKER=off): run `npm run worker` alongside it", { component: "jobs" });
    return;
  }
  if (globalForJobs.tenantkitInlineWorker) return;
  const starting = startWorker({
    connectionString: env.DATABASE_URL,
    concurrency: env.JOBS_CONCURRENCY,
    pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
    failedJobRetentionDays: env.JOBS_FAILED_RETENTION_DAYS,
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The job worker (JOBS_WORKER=inline) could not start: ${reason}\nOr set JOBS_WORKER=off and run \`npm run worker\` elsewhere.`, {
      cause: error,
    });
  });
  globalForJobs.tenantkitInlineWorker = starting;
  const worker = await starting;
  // Next exits on these signals once its HTTP server has drained. Stopping here at the same
  // time unlocks jobs that are not running; one still running when Next exits stays locked
  // until graphile-worker's stale-lock timeout (4 hours), then runs again (same idempotency
  // key). Deployments that care run JOBS_WORKER=off + `npm run worker`, which waits for it.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void worker.stop());
}
