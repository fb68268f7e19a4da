/**
 * `npm run worker`: runs background jobs (lib/jobs) in a process of its own, for deployments
 * that set JOBS_WORKER=off on the app. Run as many as you like; they share the queue in
 * Postgres. Stops gracefully on SIGTERM / SIGINT: running jobs finish (or are aborted after a
 * few seconds) and nothing stays locked.
 */
import { loadEnvFiles } from "./lib/load-env";
import { persistentNextAuthSecret } from "./lib/nextauth-secret";

loadEnvFiles(process.env.NODE_ENV !== "production");

if (!process.env.DATABASE_URL) {
  console.error(
    [
      "npm run worker needs DATABASE_URL: the database whose jobs it runs.",
      "With the embedded database (no DATABASE_URL) the app runs its jobs itself (JOBS_WORKER=inline).",
    ].join("\n"),
  );
  process.exit(1);
}
// lib/env.ts requires it and templates import lib/env.ts; the worker signs nothing with it.
// Outside production, read the one the launcher generated, as `npm run dev` would.
if (!process.env.NEXTAUTH_SECRET && process.env.NODE_ENV !== "production") {
  process.env.NEXTAUTH_SECRET = (await persistentNextAuthSecret(process.env.DATA_DIR || ".data")).secret;
}

const { env } = await import("@/lib/env");
const { startWorker } = await import("@/lib/jobs/worker");

const worker = await startWorker({
  connectionString: env.DATABASE_URL,
  concurrency: env.JOBS_CONCURRENCY,
  pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
  failedJobRetentionDays: env.JOBS_FAILED_RETENTION_DAYS,
}).catch((error: unknown) => {
  console.error(`Could not start the job worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    // A second signal means "now": locked jobs then wait for graphile-worker's 4-hour lock timeout.
    if (stopping) process.exit(1);
    stopping = true;
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`The job worker did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  });
}
