import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import { readOutbox } from "@/lib/mail/outbox";
import { queueMail } from "@/lib/mail/queue";

/**
 * The app server under test (`next start`, JOBS_WORKER defaulting to inline) runs the queue of
 * the suite's database itself, as the NOSUPERUSER login on Postgres and on PGlite by polling.
 * It has no RESEND_API_KEY, so what it sends lands in the dev outbox this process can read.
 */

let queue: pg.Client;

beforeAll(async () => {
  // The suite's login is a member of tenantkit_worker, so it may read the queue.
  queue = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await queue.connect();
});

afterAll(async () => {
  await queue.end();
});

const recipient = (label: string) => `${label}.${randomBytes(4).toString("hex")}@example.test`;
const props = { url: "http://127.0.0.1/api/auth/callback/email?token=t1", expires: new Date(Date.now() + 15 * 60_000).toISOString() };

async function jobsFor(to: string): Promise<number> {
  const { rows } = await queue.query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload->>'to' = $1`, [to]);
  return rows[0]?.n ?? 0;
}

async function waitForOutbox(to: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = await readOutbox({ to });
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`No email to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function newOrg() {
  return db.organization.create({ data: { name: "Inline Co", slug: `inline-${randomBytes(4).toString("hex")}` } });
}

describe("the app server's inline job worker", () => {
  it("sends an email queued in a committed request transaction", async () => {
    const to = recipient("inline");
    const org = await newOrg();
    await scoped({ orgId: org.id }, (tx) => queueMail(tx, { to, template: "magic-link", props }));

    const mail = await waitForOutbox(to);
    expect(mail.subject).toMatch(/^Sign in to /);
    expect(mail.text).toContain(props.url);
    expect(await jobsFor(to)).toBe(0);
  });

  it("never sees a job whose transaction rolled back", async () => {
    const to = recipient("rolled.back");
    const later = recipient("later");
    const org = await newOrg();

    await expect(
      scoped({ orgId: org.id }, async (tx) => {
        await queueMail(tx, { to, template: "magic-link", props });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await scoped({ orgId: org.id }, (tx) => queueMail(tx, { to: later, template: "magic-link", props }));

    await waitForOutbox(later);
    expect(await jobsFor(to)).toBe(0);
    expect(await readOutbox({ to })).toEqual([]);
  });
});
