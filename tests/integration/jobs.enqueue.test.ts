import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import { enqueue } from "@/lib/jobs/enqueue";

/**
 * enqueue's options as graphile-worker stores them. Jobs here are scheduled an hour ahead, so
 * the app server's inline worker leaves them alone; they are deleted afterwards.
 */

let queue: pg.Client;
const keys: string[] = [];

beforeAll(async () => {
  // The suite's login is a member of tenantkit_worker, so it may read (and tidy) the queue.
  queue = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await queue.connect();
});

afterAll(async () => {
  await queue.query(`DELETE FROM graphile_worker._private_jobs WHERE key = ANY($1)`, [keys]);
  await queue.end();
});

type Row = { id: string; key: string; run_at: Date; max_attempts: number; payload: { to: string } };
const jobsWithKey = async (key: string) =>
  (await queue.query<Row>(`SELECT id, key, run_at, max_attempts, payload FROM graphile_worker._private_jobs WHERE key = $1`, [key])).rows;

const email = (to: string) => ({ to, template: "magic-link", props: {}, idempotencyKey: randomBytes(8).toString("hex") });

describe("enqueue", () => {
  it("stores runAt and maxAttempts, and a jobKey replaces the job while it waits", async () => {
    const org = await db.organization.create({ data: { name: "Enqueue Co", slug: `enqueue-${randomBytes(4).toString("hex")}` } });
    const key = `test-reminder:${org.id}`;
    keys.push(key);
    const runAt = new Date(Date.now() + 60 * 60_000);

    const first = await scoped({ orgId: org.id }, (tx) => enqueue(tx, "send_email", email("first@example.test"), { jobKey: key, runAt, maxAttempts: 3 }));
    const second = await scoped({ orgId: org.id }, (tx) => enqueue(tx, "send_email", email("second@example.test"), { jobKey: key, runAt, maxAttempts: 3 }));

    const rows = await jobsWithKey(key);
    expect(rows).toHaveLength(1);
    expect(second).toBe(first);
    expect(rows[0]).toMatchObject({ id: first, max_attempts: 3, payload: { to: "second@example.test" } });
    expect(rows[0]?.run_at.getTime()).toBe(runAt.getTime());
  });

  it("refuses a payload its task's schema rejects, failing the transaction it was called in", async () => {
    const org = await db.organization.create({ data: { name: "Refusal Co", slug: `refusal-${randomBytes(4).toString("hex")}` } });
    const key = `test-refused:${org.id}`;
    keys.push(key);

    const run = scoped({ orgId: org.id }, async (tx) => {
      await tx.project.create({ data: { orgId: org.id, name: "Never saved" } });
      await enqueue(tx, "send_email", email("not an address"), { jobKey: key });
    });

    await expect(run).rejects.toThrow(/email/i);
    expect(await jobsWithKey(key)).toEqual([]);
    expect(await scoped({ orgId: org.id }, (tx) => tx.project.count())).toBe(0);
  });
});
