import { reconcileBilling } from "@/lib/billing/reconcile";
import { syncSeats } from "@/lib/billing/seat-sync";
import { reportUsage } from "@/lib/billing/usage-report";
import { purgeIdempotencyKeys } from "@/lib/idempotency/purge";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { purgeWebhookDeliveries } from "@/lib/webhooks/purge";
import { sendEmail } from "./send-email";
import type { TaskName, TaskPayload } from "./tasks";

/** What a handler knows about the job it runs, besides the payload. */
export type JobInfo = {
  id: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the worker shuts down and wants the job to give up. */
  signal: AbortSignal;
};

/**
 * Runs one job. Resolving completes it (graphile-worker deletes it); throwing fails this attempt
 * and schedules a retry. Handlers run outside any request: to touch tenant data, open a
 * transaction with `scoped` (lib/db/tenant-transaction.ts) like a request would.
 */
export type TaskHandler<T extends TaskName> = (payload: TaskPayload<T>, job: JobInfo) => Promise<void>;

/** One handler per task in lib/jobs/tasks.ts. */
export const handlers: { [T in TaskName]: TaskHandler<T> } = {
  send_email: sendEmail,
  billing_sync_seats: syncSeats,
  billing_reconcile: reconcileBilling,
  billing_report_usage: reportUsage,
  idempotency_purge: purgeIdempotencyKeys,
  webhook_deliver: deliverWebhook,
  webhook_purge_deliveries: purgeWebhookDeliveries,
};
