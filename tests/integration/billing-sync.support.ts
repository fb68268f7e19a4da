import pg from "pg";
import { expect, inject } from "vitest";
import type { MeterEvent, Outage, Proration } from "@/lib/billing/local-stripe/metering";
import type { TestUser } from "../support/factories";
import { client } from "../support/http";
import { type FakeState, fakeStripe, sessionIdFromUrl } from "./billing.support";

/** Shared by the billing seat, reconciliation and usage tests: the fake Stripe's seat and meter side, and jobs. */

export type SyncState = FakeState & { prorations: Proration[]; meterEvents: MeterEvent[]; outage: Outage };

export const syncState = () => fakeStripe.state() as Promise<SyncState>;

export async function setOutage(on: boolean, mode: Outage["mode"] = "error"): Promise<void> {
  const res = await fetch(`${inject("stripeUrl")}/_test/outage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ on, mode }) });
  expect(res.status).toBe(200);
}

/** Polls `read` until `done` holds, or fails with the last value after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Subscribes the org to Pro through Checkout as `owner`, the webhook applied; returns Stripe's subscription id. */
export async function subscribePro(owner: TestUser, slug: string): Promise<string> {
  const started = await client(owner).post<{ url: string }>(`/api/v1/orgs/${slug}/billing/checkout`, { plan: "pro" });
  expect(started.status).toBe(200);
  const completed = await fakeStripe.completeCheckout(sessionIdFromUrl(started.body.url));
  expect(completed.deliveries.every((d) => d.status === 200)).toBe(true);
  return completed.subscription.id;
}

/** The quantity Stripe holds for the subscription now. */
export async function stripeQuantity(subscriptionId: string): Promise<number | undefined> {
  const state = await syncState();
  return state.subscriptions.find((s) => s.id === subscriptionId)?.items.data[0]?.quantity;
}

/** As the owner role, past RLS: tests inject drift and read every org's rows with it. */
export async function asOwner<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  try {
    return await fn(owner);
  } finally {
    await owner.end();
  }
}

/** Queues a task the way graphile-worker's cron does, for the app's worker to run. */
export const runTask = (task: string, payload: object = {}) =>
  asOwner((db) => db.query(`select graphile_worker.add_job($1, $2::json)`, [task, JSON.stringify(payload)]));

/** The waiting (or failed) job with this key, if any. */
export const jobByKey = (key: string) =>
  asOwner(async (db) => (await db.query<{ attempts: number; last_error: string | null }>(`select attempts, last_error from graphile_worker._private_jobs where key = $1`, [key])).rows[0] ?? null);

/**
 * Jobs of `task` still to run: the app's worker has run them once this is 0. Jobs out of
 * attempts do not count: graphile-worker also retires a running job that a newer job with the
 * same key supersedes that way.
 */
export const pendingJobs = (task: string) =>
  asOwner(async (db) => Number((await db.query<{ n: string }>(
    `select count(*) as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = $1 and j.attempts < j.max_attempts`, [task])).rows[0]!.n));
