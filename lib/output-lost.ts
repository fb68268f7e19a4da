/**
 * Shuts the server down once its stdout or stderr can no longer be written: whatever read them
 * (a supervisor, a terminal, a test script that crashed) is gone, and every write to the pipe
 * fails with EPIPE. Unhandled, that failure is an uncaught exception, which Next's own
 * `uncaughtException` handlers log, to the same dead stream, failing again: the process then
 * spends a core on that loop for good and, under `next start`, no longer acts on SIGTERM.
 * (Without those handlers Node would have exited on the first failure.) Any line does it: the
 * job worker's warning that its database connection dropped was enough.
 */
export function shutDownWhenOutputIsLost({ graceMs = 10_000 }: { graceMs?: number } = {}): void {
  let lost = false;
  const onError = () => {
    // Every later write fails the same way, shutdown's own log lines included.
    if (lost) return;
    lost = true;
    // As on SIGTERM: Next closes the server and exits, the inline worker stops (lib/jobs/inline.ts).
    // Should that not finish (a request that never ends), exit anyway.
    setTimeout(() => process.exit(1), graceMs).unref();
    process.kill(process.pid, "SIGTERM");
  };
  process.stdout.on("error", onError);
  process.stderr.on("error", onError);
}
