import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PURGE_FAILED_JOBS_TASK, purgeFailedJobs } from "@/lib/jobs/purge-failed-jobs";

/**
 * Jobs that used up their attempts keep their payloads (emailed links among them) until the
 * hourly purge deletes them, once they have been failed for the retention period.
 */

// The app's login, which holds tenantkit_worker: what a worker's purge runs as.
let pool: pg.Pool;
const created: string[] = [];

beforeAll(() => {
  pool = new pg.Pool({ connectionString: inject("appDatabaseUrl"), max: 1 });
});

afterAll(async () => {
  await pool.query(`DELETE FROM graphile_worker._private_jobs WHERE id = ANY ($1::bigint[])`, [created]);
  await pool.end();
});

/** A job whose last attempt ended `daysAgo` days ago; due next year, so the app's worker leaves it alone. */
async function jobFailed(daysAgo: number, { attempts, maxAttempts }: { attempts: number; maxAttempts: number }): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT (graphile_worker.add_job('send_email', '{"to":"x@example.test"}'::json, run_at => now() + interval '1 year', max_attempts => $1)).id`,
    [maxAttempts],
  );
  const id = rows[0]!.id;
  created.push(id);
  await pool.query(`UPDATE graphile_worker._private_jobs SET attempts = $2, last_error = 'provider down', updated_at = now() - make_interval(days => $3) WHERE id = $1`, [
    id,
    attempts,
    daysAgo,
  ]);
  return id;
}

const remaining = async (ids: string[]) =>
  (await pool.query<{ id: string }>(`SELECT id::text FROM graphile_worker._private_jobs WHERE id = ANY ($1::bigint[]) ORDER BY id`, [ids])).rows.map((r) => r.id);

describe("purging permanently failed jobs", () => {
  it("deletes a job failed for good longer ago than the retention, and keeps the rest", async () => {
    const stale = await jobFailed(8, { attempts: 10, maxAttempts: 10 });
    const fresh = await jobFailed(6, { attempts: 10, maxAttempts: 10 });
    const stillRetrying = await jobFailed(30, { attempts: 3, maxAttempts: 10 });

    expect(await purgeFailedJobs(pool, 7)).toBeGreaterThanOrEqual(1);
    expect(await remaining([stale, fresh, stillRetrying])).toEqual([fresh, stillRetrying].sort((a, b) => Number(a) - Number(b)));

    // A shorter retention takes the fresh one too.
    await purgeFailedJobs(pool, 5);
    expect(await remaining([fresh, stillRetrying])).toEqual([stillRetrying]);
  });

  it("is scheduled by the running app's worker", async () => {
    const { rows } = await pool.query(`SELECT 1 FROM graphile_worker._private_known_crontabs WHERE identifier = $1`, [PURGE_FAILED_JOBS_TASK]);
    expect(rows).toHaveLength(1);
  });
});
