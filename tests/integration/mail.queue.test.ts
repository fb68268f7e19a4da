import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { start, type FakeResend } from "../fakes/resend-server";
import { preparePglite, preparePostgres, type TestDatabase } from "../support/app-server";
import { importWithEnv } from "../support/import-with-env";

/**
 * Queued email end to end: queueMail in a business transaction, a graphile-worker in this
 * process, Resend's SDK against the local fake. The database is this file's own (Postgres with
 * the suite's NOSUPERUSER login, or a PGlite of its own): on the suite's database the app
 * server's inline worker would take these jobs and send them to its dev outbox instead.
 */

const apiKey = "re_queue_test";
const signInUrl = "http://localhost:3000/api/auth/callback/email?token=abc&email=ada%40example.com";

let database: TestDatabase;
let dataDir: string;
let resend: FakeResend;
let app: Awaited<ReturnType<typeof loadApp>>;
let worker: { stop(): Promise<void> };
let owner: pg.Client;

function loadApp(databaseUrl: string) {
  return importWithEnv(
    { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "4", RESEND_API_KEY: apiKey, RESEND_BASE_URL: resend.url, APP_NAME: "Acme Cloud" },
    async () => ({
      ...(await import("@/lib/db/client")),
      ...(await import("@/lib/db/tenant-transaction")),
      ...(await import("@/lib/jobs/worker")),
      ...(await import("@/lib/mail/queue")),
      ...(await import("@/lib/log")),
    }),
  );
}

type JobRow = { id: string; attempts: number; max_attempts: number; last_error: string | null; run_at: Date; locked_at: Date | null; payload: { to: string; idempotencyKey: string } };

/** The job queued for `to`, read as the owner (the app's role may not read the queue). */
async function jobFor(to: string): Promise<JobRow | undefined> {
  const { rows } = await owner.query<JobRow>(
    `SELECT id, attempts, max_attempts, last_error, run_at, locked_at, payload FROM graphile_worker._private_jobs WHERE payload->>'to' = $1`,
    [to],
  );
  return rows[0];
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const recipient = (label: string) => `${label}.${randomBytes(4).toString("hex")}@example.com`;
const sentTo = (to: string) => resend.messages.filter((m) => m.to.includes(to));
const magicLink = (to: string) => ({ to, template: "magic-link" as const, props: { url: signInUrl, expires: new Date(Date.now() + 15 * 60_000).toISOString() } });

/** A project (the business change) and an email about it, in one org-scoped transaction. */
async function createProjectAndQueue(to: string, after?: () => void) {
  const org = await app.db.organization.create({ data: { name: "Queue Co", slug: `queue-${randomBytes(4).toString("hex")}` } });
  const run = app.scoped({ orgId: org.id }, async (tx) => {
    const project = await tx.project.create({ data: { orgId: org.id, name: `Launch for ${to}` } });
    const jobId = await app.queueMail(tx, magicLink(to));
    after?.();
    return { project, jobId };
  });
  return { org, run };
}

const projectCount = async (orgId: string) => app.scoped({ orgId }, (tx) => tx.project.count());

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tenantkit-mail-queue-"));
  database = inject("dbMode") === "pglite" ? await preparePglite(dataDir) : await preparePostgres(`tenantkit_mail_queue_${process.pid}`);
  owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  resend = await start({ apiKey });
  app = await loadApp(database.appUrl);
  // Concurrency as in production (JOBS_CONCURRENCY defaults to 4): jobs run side by side.
  worker = await app.startWorker({ connectionString: database.appUrl, concurrency: 4, pollIntervalMs: 200, failedJobRetentionDays: 7 });
});

afterAll(async () => {
  await worker?.stop();
  await app?.db.$disconnect();
  await owner?.end();
  await resend?.stop();
  await database?.stop();
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("queued email (graphile-worker + Resend)", () => {
  it("leaves no job and sends nothing when the transaction that queued it rolls back", async () => {
    const to = recipient("rolled.back");
    const { org, run } = await createProjectAndQueue(to, () => {
      throw new Error("the business rule said no");
    });

    await expect(run).rejects.toThrow("the business rule said no");

    expect(await jobFor(to)).toBeUndefined();
    expect(await projectCount(org.id)).toBe(0);
    // A later email gets through, so the worker was running all along and still sent nothing for `to`.
    const later = recipient("later");
    await (await createProjectAndQueue(later)).run;
    await until("the later email", async () => sentTo(later).length > 0);
    expect(sentTo(to)).toHaveLength(0);
  });

  it("sends a committed email once, after the commit, rendered from its template", async () => {
    const to = recipient("ada");
    const { run } = await createProjectAndQueue(to);
    const { jobId } = await run;

    const [email] = await until("the email", async () => (sentTo(to).length ? sentTo(to) : undefined));
    expect(email).toMatchObject({ apiKey, to: [to], subject: "Sign in to Acme Cloud" });
    expect(email?.text).toContain(signInUrl);
    expect(email?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    await until("the job to be completed", async () => (await jobFor(to)) === undefined);
    expect(jobId).toMatch(/^\d+$/);
    expect(sentTo(to)).toHaveLength(1);
  });

  it("retries a failed send with backoff and delivers it, while the business change stays", async () => {
    const to = recipient("retry");
    resend.failNext({ statusCode: 500, name: "application_error", message: "Resend is having a moment" });
    const { org, run } = await createProjectAndQueue(to);
    await run;

    const failed = await until("the first attempt to fail", async () => {
      const job = await jobFor(to);
      return job?.attempts === 1 && job.last_error !== null && job.locked_at === null ? job : undefined;
    });
    expect(failed.last_error).toContain("Resend is having a moment");
    expect(failed.max_attempts).toBe(10);
    expect(failed.run_at.getTime()).toBeGreaterThan(Date.now()); // exp(1) ≈ 2.7 s of backoff
    expect(sentTo(to)).toHaveLength(0);
    expect(await projectCount(org.id)).toBe(1);

    const [email] = await until("the retry to deliver", async () => (sentTo(to).length ? sentTo(to) : undefined));
    expect(email?.idempotencyKey).toBe(failed.payload.idempotencyKey);
    await until("the job to be completed", async () => (await jobFor(to)) === undefined);
    expect(await projectCount(org.id)).toBe(1);
  });

  it("does not retry an email Resend refuses for good, and logs why", async () => {
    const to = recipient("refused");
    const errors = vi.spyOn(app.log, "error");
    resend.failNext({ statusCode: 422, name: "validation_error", message: "Invalid `to` field." });
    const { org, run } = await createProjectAndQueue(to);
    const { jobId } = await run;

    await until("the job to end", async () => (await jobFor(to)) === undefined);

    expect(sentTo(to)).toHaveLength(0);
    expect(errors).toHaveBeenCalledWith(
      "email not sent: refused for good, not retrying",
      expect.objectContaining({ jobId, to, template: "magic-link", code: "validation_error", statusCode: 422 }),
    );
    expect(await projectCount(org.id)).toBe(1);
  });

  // Ten requests in a row while four jobs run side by side. On PGlite this is what exposed
  // pglite-socket interleaving two connections' queries (electric-sql/pglite#1046).
  it("sends a burst of emails queued back to back, each once, one of them after a retry", async () => {
    const org = await app.db.organization.create({ data: { name: "Burst Co", slug: `burst-${randomBytes(4).toString("hex")}` } });
    const team = Array.from({ length: 10 }, (_, i) => recipient(`teammate${i}`));
    resend.failNext({ statusCode: 503, name: "application_error", message: "try again" });

    for (const to of team) await app.scoped({ orgId: org.id }, (tx) => app.queueMail(tx, magicLink(to)));

    await until("every email", async () => team.every((to) => sentTo(to).length > 0), 25_000);
    await until("every job to be completed", async () => {
      const { rows } = await owner.query<{ left: number }>(`SELECT count(*)::int AS left FROM graphile_worker._private_jobs WHERE payload->>'to' = ANY($1)`, [team]);
      return rows[0]!.left === 0;
    });
    for (const to of team) expect(sentTo(to)).toHaveLength(1);
  });

  it("checks the template's props when queueing, failing the transaction rather than the worker", async () => {
    const to = recipient("bad.props");
    const org = await app.db.organization.create({ data: { name: "Props Co", slug: `props-${randomBytes(4).toString("hex")}` } });

    const run = app.scoped({ orgId: org.id }, async (tx) => {
      await tx.project.create({ data: { orgId: org.id, name: "Doomed" } });
      await app.queueMail(tx, { to, template: "magic-link", props: { url: "not a url", expires: "tomorrow" } });
    });

    await expect(run).rejects.toThrow(/url|datetime/i);
    expect(await jobFor(to)).toBeUndefined();
    expect(await projectCount(org.id)).toBe(0);
  });
});
