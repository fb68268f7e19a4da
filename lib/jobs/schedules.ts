import { parseCronItems, type ParsedCronItem } from "graphile-worker";
import { type TaskName, tasks } from "./tasks";

/**
 * Tasks from lib/jobs/tasks.ts that also run on a clock. graphile-worker's cron adds one job
 * per tick however many workers run (UTC times). No backfill: each run covers everything due,
 * so a run missed while no worker was up is made good by the next one.
 */
const SCHEDULES: { task: TaskName; match: string }[] = [
  { task: "billing_reconcile", match: "23 4 * * *" },
  { task: "billing_report_usage", match: "41 * * * *" },
  { task: "idempotency_purge", match: "29 * * * *" },
  { task: "webhook_purge_deliveries", match: "47 3 * * *" },
];

export function scheduledCronItems(): ParsedCronItem[] {
  return parseCronItems(
    SCHEDULES.map(({ task, match }) => ({ task, identifier: task, match, payload: {}, options: { backfillPeriod: 0, maxAttempts: tasks[task].maxAttempts } })),
  );
}
