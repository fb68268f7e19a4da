import { Logger } from "graphile-worker";
import { log } from "@/lib/log";

/**
 * graphile-worker's log lines as our JSON lines. Its metadata is left out on purpose: it
 * carries whole job rows, whose payloads hold email addresses and sign-in links. The scope
 * (worker, task and job id) and any error are enough to find a job again. Debug lines
 * (each poll, each listen) are dropped.
 */
export const workerLogger = new Logger((scope) => (level, message, meta) => {
  const fields = {
    component: "jobs",
    workerId: scope.workerId,
    task: scope.taskIdentifier,
    jobId: scope.jobId,
    error: meta?.error,
  };
  if (level === "error") log.error(message, fields);
  else if (level === "warning") log.warn(message, fields);
  else if (level === "info") log.info(message, fields);
});
