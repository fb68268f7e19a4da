/**
 * Runs once when the server starts: parsing env here stops a misconfigured app before it
 * serves, and the in-process job worker (JOBS_WORKER=inline) starts with the server.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/env");
  const { startInlineWorker } = await import("./lib/jobs/inline");
  await startInlineWorker();
}
