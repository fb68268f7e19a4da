import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { Secret, TOTP } from "otpauth";
import { describe, expect, inject, it } from "vitest";
import type { PendingEmailChange } from "@/lib/account/email-change-request";
import { hashRecoveryCode } from "@/lib/auth/two-factor/recovery-codes";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import type { AcceptedInvitation } from "@/lib/invitations/schemas";
import { readOutbox } from "@/lib/mail/outbox";
import type { OrgSummary } from "@/lib/orgs/schemas";
import type { ProjectDto } from "@/lib/projects/schemas";
import { createUser, orgWithTeam, TEST_PASSWORD } from "../support/factories";
import { client, type HttpResult } from "../support/http";
import { asOwner, runTask, waitFor } from "./billing-sync.support";
import { auditActions, freshEmail, invited, setSeats } from "./invitations.support";

/**
 * Idempotency-Key on account routes (withUser with `transaction`): creating an org, accepting
 * an invitation, an email change, two-factor setup and recovery codes. The same mechanism as
 * org routes (api.idempotency.test.ts), with keys kept per user in user_idempotency_keys.
 */

type Problem = { status: number; code: string; detail: string };

const ORGS = "/api/v1/orgs";
const withKey = (idempotencyKey: string) => ({ headers: { "idempotency-key": idempotencyKey } });
const isPostgres = inject("dbMode") === "postgres";

const storedRows = (userId: string) =>
  asOwner(async (owner) => (await owner.query<{ keyHash: string; response: Buffer }>(`select "keyHash", response from user_idempotency_keys where "userId" = $1`, [userId])).rows);

/** Orgs named `name` that `userId` belongs to. */
const orgsNamed = (userId: string, name: string) =>
  asOwner(async (owner) =>
    Number(
      (await owner.query<{ n: string }>(`select count(*) as n from organizations o join memberships m on m."orgId" = o.id where m."userId" = $1 and o.name = $2`, [userId, name]))
        .rows[0]!.n,
    ),
  );

describe("creating an org with an Idempotency-Key", () => {
  it("gets the first org back on a repeat, marked as a replay, and creates only one", async () => {
    const user = await createUser("Idem Creator");
    const api = client(user);
    const k = randomUUID();
    const first = await api.post<OrgSummary>(ORGS, { name: "Replay Co", slug: `replay-${k.slice(0, 8)}` }, withKey(k));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    // Keys in another order and other whitespace: the same request.
    const repeat = await api.post<OrgSummary>(ORGS, undefined, {
      rawBody: `{ "slug": "replay-${k.slice(0, 8)}",   "name": "Replay Co" }`,
      headers: { "idempotency-key": k, "content-type": "application/json" },
    });
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(repeat.body).toEqual(first.body);
    expect(repeat.headers.get("ratelimit-limit")).not.toBeNull();

    expect(await orgsNamed(user.id, "Replay Co")).toBe(1);
    expect((await auditActions(first.body.id)).filter((e) => e.action === "org.created")).toHaveLength(1);
    const rows = await storedRows(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.keyHash).toBe(createHash("sha256").update(k).digest("hex"));
    expect(rows[0]!.response.toString("latin1")).not.toContain(first.body.slug);
  });

  it("refuses the same key with another request (422) and does nothing", async () => {
    const user = await createUser("Idem Reuser");
    const api = client(user);
    const k = randomUUID();
    expect((await api.post(ORGS, { name: "First Body" }, withKey(k))).status).toBe(201);
    for (const [path, body] of [
      [ORGS, { name: "Second Body" }],
      ["/api/v1/invitations/accept", { token: "a".repeat(43) }],
    ] as const) {
      const res = await api.post<Problem>(path, body, withKey(k));
      expect(res.status, path).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body.code).toBe("idempotency_key_reused");
    }
    expect(await orgsNamed(user.id, "Second Body")).toBe(0);
  });

  it("stores nothing for a refusal, so the corrected request runs under the same key", async () => {
    const user = await createUser("Idem Corrector");
    const taken = await orgWithTeam("Taken");
    const api = client(user);
    const k = randomUUID();

    const invalid = await api.post<Problem>(ORGS, { name: "" }, withKey(k));
    expect(invalid.status).toBe(400);
    // Thrown after the key was claimed: the claim rolls back with everything else.
    const conflict = await api.post<Problem>(ORGS, { name: "Clash", slug: taken.org.slug }, withKey(k));
    expect([conflict.status, conflict.body.code]).toEqual([409, "conflict"]);
    expect(await storedRows(user.id)).toHaveLength(0);

    const fixed = await api.post<OrgSummary>(ORGS, { name: "Clash", slug: `${taken.org.slug}-2` }, withKey(k));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("a repeat while the first is still running", () => {
  it.runIf(isPostgres)("gets 409 at once, and the first one's answer once it is done (Postgres)", async () => {
    const user = await createUser("Idem Patient");
    const api = client(user);
    const k = randomUUID();
    await api.get(ORGS);
    const holder = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await holder.connect();
    let first: Promise<HttpResult<OrgSummary>> | undefined;
    try {
      // The first request claims its key, then waits to insert its org behind this lock.
      await holder.query("begin");
      await holder.query("lock table organizations in share row exclusive mode");
      first = api.post<OrgSummary>(ORGS, { name: "Slow Co" }, withKey(k));
      await waitFor(
        async () => Number((await asOwner((o) => o.query<{ n: string }>(`select count(*) as n from pg_locks where relation = 'organizations'::regclass and not granted`))).rows[0]!.n),
        (n) => n > 0,
        10_000,
        "the first request to wait on the organizations lock",
      );
      const started = Date.now();
      for (const body of [{ name: "Slow Co" }, { name: "Impatient Co" }]) {
        const repeat = await api.post<Problem>(ORGS, body, withKey(k));
        expect(repeat.status).toBe(409);
        expect(repeat.body.code).toBe("idempotency_in_progress");
        expect(repeat.headers.get("retry-after")).toBe("1");
      }
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await holder.query("rollback");
      await holder.end();
    }
    const done = await first!;
    expect(done.status).toBe(201);
    const after = await api.post<OrgSummary>(ORGS, { name: "Slow Co" }, withKey(k));
    expect(after.headers.get("idempotent-replayed")).toBe("true");
    expect(after.body).toEqual(done.body);
    expect(await orgsNamed(user.id, "Slow Co")).toBe(1);
  });

  // PGlite runs one transaction at a time: the repeats wait for the first and get its answer.
  it("never creates the org twice: of three at once, one does the work and the others get 409 or its answer", async () => {
    const user = await createUser("Idem Racer");
    const api = client(user);
    const k = randomUUID();
    await api.get(ORGS);
    const holder = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await holder.connect();
    let answers: HttpResult<OrgSummary | Problem>[];
    try {
      await holder.query("begin");
      await holder.query(isPostgres ? "lock table organizations in share row exclusive mode" : "select 1");
      const sent = Promise.all([0, 1, 2].map(() => api.post<OrgSummary | Problem>(ORGS, { name: "Raced Co" }, withKey(k))));
      await new Promise((r) => setTimeout(r, 500));
      expect((await holder.query(`select 1 from organizations where name = 'Raced Co'`)).rows).toHaveLength(0);
      await holder.query("commit");
      answers = await sent;
    } finally {
      await holder.end();
    }
    const done = answers.filter((r) => r.status === 201 && r.headers.get("idempotent-replayed") === null);
    expect(done).toHaveLength(1);
    for (const res of answers) {
      if (res === done[0]) continue;
      if (res.status === 409) expect((res.body as Problem).code).toBe("idempotency_in_progress");
      else expect([res.status, res.headers.get("idempotent-replayed"), res.body]).toEqual([201, "true", done[0]!.body]);
    }
    if (!isPostgres) expect(answers.filter((r) => r.status === 409)).toHaveLength(0);
    expect(await orgsNamed(user.id, "Raced Co")).toBe(1);
  });
});

describe("keys are per user", () => {
  it("runs the same key and body independently for another user, and shows neither the other's answer", async () => {
    const [a, b] = [await createUser("Idem A"), await createUser("Idem B")];
    const k = randomUUID();
    const answers = [await client(a).post<OrgSummary>(ORGS, { name: "Shared Key Co" }, withKey(k)), await client(b).post<OrgSummary>(ORGS, { name: "Shared Key Co" }, withKey(k))];
    for (const res of answers) {
      expect(res.status).toBe(201);
      expect(res.headers.get("idempotent-replayed")).toBeNull();
    }
    expect(answers[0]!.body.id).not.toBe(answers[1]!.body.id);
    expect(await orgsNamed(a.id, "Shared Key Co")).toBe(1);
    expect(await orgsNamed(b.id, "Shared Key Co")).toBe(1);
  });

  it("keeps a user's keys apart from the keys they send to org routes", async () => {
    const team = await orgWithTeam("Idem Stores");
    const api = client(team.team.member);
    const k = randomUUID();
    const project = await api.post<ProjectDto>(`/api/v1/orgs/${team.org.slug}/projects`, { name: "Same key" }, withKey(k));
    const org = await api.post<OrgSummary>(ORGS, { name: "Same key" }, withKey(k));
    for (const res of [project, org]) expect([res.status, res.headers.get("idempotent-replayed")]).toEqual([201, null]);
  });

  it("go with the account: deleting it deletes its keys", async () => {
    const user = await createUser("Idem Leaver");
    const api = client(user);
    expect((await api.post(ORGS, { name: "Leaver Co" }, withKey(randomUUID()))).status).toBe(201);
    expect(await storedRows(user.id)).toHaveLength(1);
    expect((await api.delete("/api/v1/me", { body: { confirmEmail: user.email } })).status).toBe(200);
    expect(await storedRows(user.id)).toHaveLength(0);
  });

  it("are user data: a transaction scoped to one user sees only that user's keys and cannot write another's", async () => {
    const [a, b] = [await createUser("Idem Rls A"), await createUser("Idem Rls B")];
    for (const user of [a, b]) expect((await client(user).post(ORGS, { name: "Rls Co" }, withKey(randomUUID()))).status).toBe(201);
    const seen = await scoped({ userId: b.id }, (tx) => tx.$queryRaw<{ userId: string }[]>`select "userId" from user_idempotency_keys`);
    expect(new Set(seen.map((r) => r.userId))).toEqual(new Set([b.id]));
    // Org transactions, which scope no user, see none.
    const team = await orgWithTeam("Idem Rls Org");
    expect(await scoped({ orgId: team.org.id }, (tx) => tx.$queryRaw`select 1 from user_idempotency_keys`)).toHaveLength(0);
    await expect(
      scoped({ userId: b.id }, (tx) => tx.$executeRaw`insert into user_idempotency_keys ("userId", "keyHash", fingerprint) values (${a.id}, 'x', 'x')`),
    ).rejects.toThrow(/row-level security/);
    await expect(scoped({ userId: b.id }, (tx) => tx.$executeRaw`delete from user_idempotency_keys`)).rejects.toThrow(/permission denied/);
  });
});

describe("a key older than 24 hours", () => {
  it("counts as new: the request runs again, and later repeats get the new answer", async () => {
    const user = await createUser("Idem Yesterday");
    const api = client(user);
    const k = randomUUID();
    const first = await api.post<OrgSummary>(ORGS, { name: "Yesterday Co" }, withKey(k));
    expect(first.status).toBe(201);
    await asOwner((o) => o.query(`update user_idempotency_keys set "createdAt" = "createdAt" - interval '25 hours' where "userId" = $1`, [user.id]));

    const again = await api.post<OrgSummary>(ORGS, { name: "Yesterday Co" }, withKey(k));
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([201, null]);
    expect(again.body.id).not.toBe(first.body.id);
    const repeat = await api.post<OrgSummary>(ORGS, { name: "Yesterday Co" }, withKey(k));
    expect(repeat.body.id).toBe(again.body.id);
    expect(await orgsNamed(user.id, "Yesterday Co")).toBe(2);
  });

  it("is deleted by the hourly purge, which keeps younger ones, in both stores", async () => {
    const team = await orgWithTeam("Idem Purge");
    const user = team.team.member;
    const api = client(user);
    const [old, fresh, oldOrgKey] = [randomUUID(), randomUUID(), randomUUID()];
    for (const k of [old, fresh]) expect((await api.post(ORGS, { name: `Purge ${k.slice(0, 4)}` }, withKey(k))).status).toBe(201);
    expect((await api.post(`/api/v1/orgs/${team.org.slug}/projects`, { name: "Purged key" }, withKey(oldOrgKey))).status).toBe(201);
    const hash = (k: string) => createHash("sha256").update(k).digest("hex");
    await asOwner(async (o) => {
      await o.query(`update user_idempotency_keys set "createdAt" = now() - interval '25 hours' where "userId" = $1 and "keyHash" = $2`, [user.id, hash(old)]);
      await o.query(`update idempotency_keys set "createdAt" = now() - interval '25 hours' where "orgId" = $1`, [team.org.id]);
    });
    await runTask("idempotency_purge");
    const rows = await waitFor(() => storedRows(user.id), (r) => r.length === 1, 20_000, "the purge");
    expect(rows[0]!.keyHash).toBe(hash(fresh));
    const orgRows = await asOwner((o) => o.query(`select 1 from idempotency_keys where "orgId" = $1`, [team.org.id]));
    expect(orgRows.rows).toHaveLength(0);
  });
});

describe("the other account routes that honour it", () => {
  it("accepting an invitation: a repeat gets the first answer, not 'already used', and joins once", async () => {
    const team = await orgWithTeam("Idem Invite");
    await setSeats(team.org.id, 20);
    const user = await createUser("Idem Invitee");
    const { invitation, token } = await invited(team.team.owner, team.org.slug, "member", user.email);
    const api = client(user);
    const k = randomUUID();
    const first = await api.post<AcceptedInvitation>("/api/v1/invitations/accept", { token }, withKey(k));
    expect(first.status).toBe(200);
    const repeat = await api.post<AcceptedInvitation>("/api/v1/invitations/accept", { token }, withKey(k));
    expect([repeat.status, repeat.headers.get("idempotent-replayed"), repeat.body]).toEqual([200, "true", first.body]);
    // Without the key, a repeat is judged afresh: the invitation is used.
    const unkeyed = await api.post<Problem>("/api/v1/invitations/accept", { token });
    expect([unkeyed.status, unkeyed.body.code]).toEqual([409, "conflict"]);
    expect((await auditActions(team.org.id, invitation.id)).filter((e) => e.action === "invitation.accepted")).toHaveLength(1);
    expect((await auditActions(team.org.id, user.id)).filter((e) => e.action === "member.joined")).toHaveLength(1);
  });

  it("requesting an email change: repeats get the first answer, send no mail and do not count against its limit", async () => {
    const user = await createUser("Idem Mover");
    const api = client(user);
    const k = randomUUID();
    const newEmail = freshEmail("moved");
    const first = await api.post<PendingEmailChange>("/api/v1/me/email", { newEmail }, withKey(k));
    expect(first.status).toBe(202);
    // Five a quarter-hour per account: six answers, one of them work.
    for (let i = 0; i < 5; i++) {
      const repeat = await api.post<PendingEmailChange>("/api/v1/me/email", { newEmail }, withKey(k));
      expect([repeat.status, repeat.headers.get("idempotent-replayed"), repeat.body]).toEqual([202, "true", first.body]);
    }
    expect(await db.emailChange.count({ where: { userId: user.id } })).toBe(1);
    await waitFor(() => readOutbox({ to: newEmail }), (mail) => mail.length > 0, 10_000, "the confirmation email");
    // Time for more mail jobs to run, had the repeats queued any.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await readOutbox({ to: newEmail })).toHaveLength(1);
  });

  it("two-factor setup and recovery codes: a repeat gets the same secret and codes, which are the ones in force", async () => {
    const user = await createUser("Idem Totp");
    const api = client(user);
    const k = randomUUID();
    const setup = await api.post<{ secret: string }>("/api/v1/me/two-factor/setup", undefined, withKey(k));
    expect(setup.status).toBe(200);
    const again = await api.post<{ secret: string }>("/api/v1/me/two-factor/setup", undefined, withKey(k));
    expect([again.headers.get("idempotent-replayed"), again.body]).toEqual(["true", setup.body]);
    for (const row of await storedRows(user.id)) expect(row.response.toString("latin1")).not.toContain(setup.body.secret);

    // The replayed secret is the one enrolment checks codes against.
    const code = new TOTP({ secret: Secret.fromBase32(setup.body.secret) }).generate();
    expect((await api.post("/api/v1/me/two-factor/enable", { code })).status).toBe(200);

    const k2 = randomUUID();
    const codes = await api.post<{ recoveryCodes: string[] }>("/api/v1/me/two-factor/recovery-codes", undefined, withKey(k2));
    expect(codes.status).toBe(200);
    const repeat = await api.post<{ recoveryCodes: string[] }>("/api/v1/me/two-factor/recovery-codes", undefined, withKey(k2));
    expect([repeat.headers.get("idempotent-replayed"), repeat.body]).toEqual(["true", codes.body]);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.body.recoveryCodes.map(hashRecoveryCode).sort());
    const events = await db.securityEvent.count({ where: { userId: user.id, type: "recovery_codes_regenerated" } });
    expect(events).toBe(1);
  });
});

describe("routes that do not honour it", () => {
  it("ignore the header, even a malformed one, and run as without it", async () => {
    const user = await createUser("Idem Ignored");
    const api = client(user);
    const reauth = await api.post("/api/v1/me/reauthenticate", { password: TEST_PASSWORD }, withKey("has space"));
    expect(reauth.status).toBe(204);
    const signup = await client().post<{ status: string }>("/api/v1/signup", { name: "Ignored", email: freshEmail("ignored"), password: "a-long-enough-passphrase" }, withKey("has space"));
    expect([signup.status, signup.body.status]).toEqual([202, "verification_sent"]);
    expect(await storedRows(user.id)).toHaveLength(0);
  });
});
