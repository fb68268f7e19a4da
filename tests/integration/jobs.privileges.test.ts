import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { scoped, type Tx } from "@/lib/db/tenant-transaction";
import { startWorker } from "@/lib/jobs/worker";
import { ADMIN_URL } from "../support/app-server";

/**
 * Who may do what with the job queue (lib/db/job-schema.ts): a request transaction (tenantkit_app)
 * may enqueue through app_enqueue_job and nothing more; a worker needs tenantkit_worker and says
 * so when its login lacks it.
 */

const NO_WORKER_LOGIN = "tenantkit_test_no_worker";
const isPostgres = inject("dbMode") === "postgres";

afterAll(async () => {
  if (!isPostgres) return;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${NO_WORKER_LOGIN}`);
  await admin.end();
});

describe("job queue privileges", () => {
  it("lets a request transaction enqueue, but not read or change the queue", async () => {
    const org = await db.organization.create({ data: { name: "Grants Co", slug: `grants-${Date.now().toString(36)}` } });
    const inRequest = <T>(fn: (tx: Tx) => Promise<T>) => scoped({ orgId: org.id }, fn);

    // Rolled back, so no worker ever runs it.
    await expect(
      inRequest(async (tx) => {
        const [row] = await tx.$queryRaw<{ id: bigint }[]>`select app_enqueue_job('send_email', '{}'::json) as id`;
        expect(row?.id).toBeTypeOf("bigint");
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");

    const denied = /permission denied for schema graphile_worker/;
    await expect(inRequest((tx) => tx.$queryRaw`select count(*) from graphile_worker._private_jobs`)).rejects.toThrow(denied);
    await expect(inRequest((tx) => tx.$queryRaw`select graphile_worker.add_job('send_email', '{}'::json)`)).rejects.toThrow(denied);
    await expect(inRequest((tx) => tx.$executeRaw`delete from graphile_worker._private_jobs`)).rejects.toThrow(denied);
  });

  it.each(["privileges_probe", "purge_failed_jobs", "SEND_EMAIL", ""])("refuses to enqueue %j, which is not one of the app's tasks", async (task) => {
    await expect(scoped({}, (tx) => tx.$queryRaw`select app_enqueue_job(${task}, '{}'::json)`)).rejects.toThrow(/is not a task of this app/);
  });

  it("refuses a null task name", async () => {
    await expect(scoped({}, (tx) => tx.$queryRaw`select app_enqueue_job(null, '{}'::json)`)).rejects.toThrow(/is not a task of this app/);
  });

  it.runIf(isPostgres)("refuses to start a worker whose login lacks tenantkit_worker, saying what to grant", async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${NO_WORKER_LOGIN}') THEN
          CREATE ROLE ${NO_WORKER_LOGIN} LOGIN NOSUPERUSER NOBYPASSRLS;
        END IF; END $$`);
      await admin.query(`GRANT tenantkit_app TO ${NO_WORKER_LOGIN}`);
    } finally {
      await admin.end();
    }
    const url = new URL(inject("appDatabaseUrl"));
    url.username = NO_WORKER_LOGIN;

    await expect(startWorker({ connectionString: url.toString(), concurrency: 1, pollIntervalMs: 1000, failedJobRetentionDays: 7 })).rejects.toThrow(
      `GRANT tenantkit_worker TO "${NO_WORKER_LOGIN}"`,
    );
  });
});
