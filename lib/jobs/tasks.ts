import { z } from "zod";

/**
 * Every kind of background job: the schema its payload must pass (when it is enqueued, and
 * again when a worker runs it, which may be a different version of the code) and how many
 * attempts it gets before graphile-worker keeps it as permanently failed.
 *
 * Adding a task: an entry here and its handler in lib/jobs/handlers.ts (TypeScript insists
 * on both). Payloads are stored as JSON: only JSON-shaped fields, no Dates.
 */
const definitions = {
  send_email: {
    payload: z.object({
      to: z.string().trim().pipe(z.email()),
      /** A name from lib/mail/templates/registry.ts; checked when the email is rendered. */
      template: z.string().min(1),
      props: z.record(z.string(), z.json()),
      /** Resend's idempotency key: the same for every attempt, so a retry never sends twice. */
      idempotencyKey: z.string().min(1).max(256),
    }),
    // graphile-worker waits exp(min(attempt, 10)) seconds after each failure: 10 attempts span
    // about 3.5 hours, enough to outlast a provider outage or a fix of its configuration.
    maxAttempts: 10,
  },
  /** Sets the org's per-seat subscription quantity to its seats in use (lib/billing/seat-sync.ts). */
  billing_sync_seats: {
    payload: z.object({ orgId: z.string().min(1) }),
    // After the first ten (about 3.5 hours), each wait is about 6 hours: 14 attempts outlast a
    // Stripe outage of a day; the daily reconciliation catches anything still off after that.
    maxAttempts: 14,
  },
  /** Daily: every org with a Stripe customer compared with Stripe and healed (lib/billing/reconcile.ts). */
  billing_reconcile: {
    payload: z.object({}),
    // The next day's run does it all again; retries within the hour cover a short blip.
    maxAttempts: 3,
  },
  /** Hourly: usage counters not yet sent to Stripe's meters (lib/billing/usage-report.ts). */
  billing_report_usage: {
    payload: z.object({}),
    // Unsent usage stays in the table; the next hourly run sends it.
    maxAttempts: 3,
  },
  /** Hourly: stored answers to Idempotency-Key requests past their 24 hours (lib/idempotency/purge.ts). */
  idempotency_purge: {
    payload: z.object({}),
    // The next hourly run deletes whatever this one left.
    maxAttempts: 1,
  },
  /**
   * One attempt of one webhook delivery (lib/webhooks/deliver.ts). A receiver that fails is not a
   * failed job: the handler records it and queues the next attempt on the webhook retry policy.
   * These attempts are for the job itself failing (the database unreachable).
   */
  webhook_deliver: {
    payload: z.object({ orgId: z.string().min(1), deliveryId: z.string().min(1) }),
    maxAttempts: 5,
  },
  /** Daily: deliveries older than WEBHOOKS_LOG_RETENTION_DAYS leave the log (lib/webhooks/purge.ts). */
  webhook_purge_deliveries: {
    payload: z.object({}),
    // The next day's run deletes whatever this one did not.
    maxAttempts: 3,
  },
} satisfies Record<string, { payload: z.ZodType; maxAttempts: number }>;

type Definitions = typeof definitions;
export type TaskName = keyof Definitions;
export type TaskPayload<T extends TaskName> = z.output<Definitions[T]["payload"]>;
/** What `enqueue` accepts: the schema's input (before trimming and the like). */
export type TaskInput<T extends TaskName> = z.input<Definitions[T]["payload"]>;

/**
 * The same table, typed per task name, so that code generic over the name (enqueue, the
 * worker's dispatch) gets `TaskPayload<T>` out of `tasks[name].payload` without casts.
 */
export const tasks: {
  [T in TaskName]: { payload: z.ZodType<TaskPayload<T>, TaskInput<T>>; maxAttempts: number };
} = definitions;
