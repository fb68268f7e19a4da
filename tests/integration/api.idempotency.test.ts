import { createHash, randomUUID } from "node:crypto";
import { connect } from "node:net";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import { loadRouteTable } from "@/lib/api/route-table";
import type { ProjectDto } from "@/lib/projects/schemas";
import { scoped } from "@/lib/db/tenant-transaction";
import { fillProjects, setPlan } from "../support/billing";
import { addMember, createUser, orgWithTeam } from "../support/factories";
import { client, sessionCookie, type HttpResult } from "../support/http";
import { auditEvents, createKey, keyClient, projectCount } from "./api-keys.support";
import { asOwner, runTask, waitFor } from "./billing-sync.support";
import { auditActions, invited, waitForMail } from "./invitations.support";

/**
 * Idempotency-Key on POST (lib/idempotency): a repeat gets the first answer without the work
 * being done again; the same key with another request is refused (422), a repeat while the
 * first runs gets 409; keys are per org and caller, and last 24 hours.
 */

type Problem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };

let a: Awaited<ReturnType<typeof orgWithTeam>>;
let b: Awaited<ReturnType<typeof orgWithTeam>>;
let key: CreatedApiKeyDto;
const projectsOf = (slug: string) => `/api/v1/orgs/${slug}/projects`;
const withKey = (idempotencyKey: string) => ({ headers: { "idempotency-key": idempotencyKey } });
const isPostgres = inject("dbMode") === "postgres";

beforeAll(async () => {
  a = await orgWithTeam("Idem");
  b = await orgWithTeam("Other");
  await setPlan(a.org.id, "pro");
  key = await createKey(a.team.owner, a.org.slug, { name: "Retrying bot", role: "read_write" });
});

const storedRows = (orgId: string) =>
  asOwner(async (db) => (await db.query<{ keyHash: string; response: Buffer }>(`select "keyHash", response from idempotency_keys where "orgId" = $1`, [orgId])).rows);

const projectsNamed = (orgId: string, name: string) =>
  asOwner(async (db) => Number((await db.query<{ n: string }>(`select count(*) as n from projects where "orgId" = $1 and name = $2`, [orgId, name])).rows[0]!.n));

describe("a repeat with the same key and body", () => {
  it("gets the first answer, status and body, marked as a replay, and nothing is done twice", async () => {
    const api = client(a.team.member);
    const k = randomUUID();
    const first = await api.post<ProjectDto>(projectsOf(a.org.slug), { name: "Once", description: "only one" }, withKey(k));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    // The same JSON with its keys in another order and other whitespace is the same request.
    const repeat = await api.post<ProjectDto>(projectsOf(a.org.slug), undefined, {
      rawBody: '{ "description": "only one",  "name": "Once" }',
      headers: { "idempotency-key": k, "content-type": "application/json" },
    });
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(repeat.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(repeat.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));

    expect(await projectsNamed(a.org.id, "Once")).toBe(1);
    expect((await auditEvents(a.org.id, "project.created")).filter((e) => e.targetId === first.body.id)).toHaveLength(1);
  });

  it("meters the call once: a replay is not another API call or another project created", async () => {
    const metered = await orgWithTeam("Metered");
    await setPlan(metered.org.id, "pro");
    const bot = keyClient((await createKey(metered.team.owner, metered.org.slug, { name: "Metered bot", role: "read_write" })).key);
    const k = randomUUID();
    for (let i = 0; i < 3; i++) expect((await bot.post(projectsOf(metered.org.slug), { name: "Metered" }, withKey(k).headers)).status).toBe(201);
    const usage = async () =>
      Object.fromEntries(
        (await asOwner((db) => db.query<{ metric: string; quantity: string }>(`select metric, quantity::text from usage_counters where "orgId" = $1`, [metered.org.id]))).rows.map((r) => [r.metric, r.quantity]),
      );
    await waitFor(usage, (u) => u.api_calls !== undefined && u.projects_created !== undefined, 15_000, "usage to be flushed");
    // Past another flush interval (lib/billing/usage-recorder.ts), the counts stand.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await usage()).toMatchObject({ api_calls: "1", projects_created: "1" });
  });

  it("keeps the answer sealed: an API key's secret is replayed but not stored readable", async () => {
    const k = randomUUID();
    const api = client(a.team.owner);
    const first = await api.post<CreatedApiKeyDto>(`/api/v1/orgs/${a.org.slug}/api-keys`, { name: "Deploy", role: "read_only" }, withKey(k));
    expect(first.status).toBe(201);
    const repeat = await api.post<CreatedApiKeyDto>(`/api/v1/orgs/${a.org.slug}/api-keys`, { name: "Deploy", role: "read_only" }, withKey(k));
    expect(repeat.body).toEqual(first.body);
    const keys = await api.get<{ data: { name: string }[] }>(`/api/v1/orgs/${a.org.slug}/api-keys`);
    expect(keys.body.data.filter((row) => row.name === "Deploy")).toHaveLength(1);

    const rows = await storedRows(a.org.id);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.keyHash).not.toBe(k);
      expect(row.response.toString("latin1")).not.toContain(first.body.key);
      expect(row.response.toString("latin1")).not.toContain("Deploy");
    }
  });

  it("does not send an invitation again: one resend, one audit event, one email job", async () => {
    const { email, invitation } = await invited(a.team.owner, a.org.slug);
    const id = invitation.id;
    const k = randomUUID();
    const url = `/api/v1/orgs/${a.org.slug}/invitations/${id}/resend`;
    const first = await client(a.team.owner).post<{ sendCount: number }>(url, undefined, withKey(k));
    expect(first.status).toBe(200);
    const repeat = await client(a.team.owner).post<{ sendCount: number }>(url, undefined, withKey(k));
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(repeat.body).toEqual(first.body);
    expect((await auditActions(a.org.id, id)).filter((e) => e.action === "invitation.resent")).toHaveLength(1);
    await waitForMail(email, 2);
    // Time for a second email job, had the repeat queued one, to run.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await waitForMail(email, 2)).toHaveLength(2);
  });
});

describe("the same key with a different request", () => {
  it("is refused with 422 and does nothing", async () => {
    const api = client(a.team.owner);
    const k = randomUUID();
    expect((await api.post(projectsOf(a.org.slug), { name: "First body" }, withKey(k))).status).toBe(201);
    const before = await projectCount(a.org.id);
    for (const [path, body] of [
      [projectsOf(a.org.slug), { name: "Second body" }],
      [projectsOf(a.org.slug), { name: "First body", description: "and more" }],
      [`/api/v1/orgs/${a.org.slug}/api-keys`, { name: "First body", role: "read_only" }],
    ] as const) {
      const res = await api.post<Problem>(path, body, withKey(k));
      expect(res.status, path).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body.code).toBe("idempotency_key_reused");
    }
    expect(await projectCount(a.org.id)).toBe(before);
    const keys = await api.get<{ data: { name: string }[] }>(`/api/v1/orgs/${a.org.slug}/api-keys`);
    expect(keys.body.data.map((row) => row.name)).not.toContain("First body");
  });
});

describe("a repeat while the first request is still running", () => {
  it.runIf(isPostgres)("gets 409 at once, and the first one's answer once it is done (Postgres)", async () => {
    const k = randomUUID();
    const api = client(a.team.admin);
    // Warm the session up: a device seen within the last minute is not written to again.
    await api.get(projectsOf(a.org.slug));
    const holder = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await holder.connect();
    let first: Promise<HttpResult<ProjectDto>> | undefined;
    try {
      // The first request claims its key, then waits to insert its project behind this lock.
      await holder.query("begin");
      await holder.query("lock table projects in share row exclusive mode");
      first = api.post<ProjectDto>(projectsOf(a.org.slug), { name: "Slow one" }, withKey(k));
      await waitFor(
        async () => Number((await asOwner((db) => db.query<{ n: string }>(`select count(*) as n from pg_locks where relation = 'projects'::regclass and not granted`))).rows[0]!.n),
        (n) => n > 0,
        10_000,
        "the first request to wait on the projects lock",
      );

      const started = Date.now();
      for (const body of [{ name: "Slow one" }, { name: "Impatient other body" }]) {
        const repeat = await api.post<Problem>(projectsOf(a.org.slug), body, withKey(k));
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
    const after = await api.post<ProjectDto>(projectsOf(a.org.slug), { name: "Slow one" }, withKey(k));
    expect(after.headers.get("idempotent-replayed")).toBe("true");
    expect(after.body).toEqual(done.body);
    expect(await projectsNamed(a.org.id, "Slow one")).toBe(1);
  });

  // PGlite runs one transaction at a time: an open transaction holds the whole database, so a
  // repeat cannot find the first request half done. It waits for it and gets its answer.
  it("never runs the work twice: of three at once, one does the work and the others get 409 or its answer", async () => {
    const k = randomUUID();
    const api = client(a.team.member);
    await api.get(projectsOf(a.org.slug));
    const holder = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await holder.connect();
    let answers: HttpResult<ProjectDto | Problem>[];
    try {
      await holder.query("begin");
      await holder.query(isPostgres ? "lock table projects in share row exclusive mode" : "select 1");
      const sent = Promise.all([0, 1, 2].map(() => api.post<ProjectDto | Problem>(projectsOf(a.org.slug), { name: "Raced" }, withKey(k))));
      await new Promise((r) => setTimeout(r, 500));
      // Held up, not done: no project yet.
      expect((await holder.query(`select 1 from projects where "orgId" = $1 and name = 'Raced'`, [a.org.id])).rows).toHaveLength(0);
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
    expect(await projectsNamed(a.org.id, "Raced")).toBe(1);
  });
});

describe("keys are per org and per caller", () => {
  it("runs the same key independently for another user, an API key and another org, and shows none of them another's answer", async () => {
    const k = randomUUID();
    const body = { name: "Shared key" };
    const answers = [
      await client(a.team.member).post<ProjectDto>(projectsOf(a.org.slug), body, withKey(k)),
      await client(a.team.admin).post<ProjectDto>(projectsOf(a.org.slug), body, withKey(k)),
      await keyClient(key.key).post<ProjectDto>(projectsOf(a.org.slug), body, withKey(k).headers),
      await client(b.team.member).post<ProjectDto>(projectsOf(b.org.slug), body, withKey(k)),
    ];
    for (const res of answers) {
      expect(res.status).toBe(201);
      expect(res.headers.get("idempotent-replayed")).toBeNull();
    }
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(4);
    expect(await projectsNamed(a.org.id, "Shared key")).toBe(3);
    expect(await projectsNamed(b.org.id, "Shared key")).toBe(1);
  });

  it("does not let a member of another org reach a stored answer through its URL (404)", async () => {
    const k = randomUUID();
    const first = await client(a.team.member).post<ProjectDto>(projectsOf(a.org.slug), { name: "Private" }, withKey(k));
    expect(first.status).toBe(201);
    const outsider = await client(b.team.owner).post<Problem>(projectsOf(a.org.slug), { name: "Private" }, withKey(k));
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.body)).not.toContain(first.body.id);
  });

  it("replays nothing to a caller who has lost the permission since", async () => {
    const k = randomUUID();
    const user = await createUser("Demoted");
    await addMember(a.org.id, user.id, "member");
    const api = client(user);
    expect((await api.post(projectsOf(a.org.slug), { name: "Before demotion" }, withKey(k))).status).toBe(201);
    await asOwner((db) => db.query(`update memberships set role = 'viewer' where "orgId" = $1 and "userId" = $2`, [a.org.id, user.id]));
    const refused = await api.post<Problem>(projectsOf(a.org.slug), { name: "Before demotion" }, withKey(k));
    expect(refused.status).toBe(403);
  });
});

describe("stored keys are tenant data", () => {
  it("a transaction scoped to one org sees only that org's keys and cannot write another's", async () => {
    expect((await storedRows(a.org.id)).length).toBeGreaterThan(0);
    const seen = await scoped({ orgId: b.org.id }, (tx) => tx.$queryRaw<{ orgId: string }[]>`select "orgId" from idempotency_keys`);
    expect(new Set(seen.map((r) => r.orgId))).toEqual(new Set([b.org.id]));
    await expect(
      scoped({ orgId: b.org.id }, (tx) => tx.$executeRaw`insert into idempotency_keys ("orgId", caller, "keyHash", fingerprint) values (${a.org.id}, 'x', 'x', 'x')`),
    ).rejects.toThrow(/row-level security/);
    await expect(scoped({ orgId: b.org.id }, (tx) => tx.$executeRaw`delete from idempotency_keys`)).rejects.toThrow(/permission denied/);
  });
});

describe("a key older than 24 hours", () => {
  it("counts as new: the request runs again, and later repeats get the new answer", async () => {
    const k = randomUUID();
    const api = client(a.team.member);
    const first = await api.post<ProjectDto>(projectsOf(a.org.slug), { name: "Yesterday" }, withKey(k));
    expect(first.status).toBe(201);
    await asOwner((db) => db.query(`update idempotency_keys set "createdAt" = "createdAt" - interval '25 hours' where "orgId" = $1`, [a.org.id]));

    const again = await api.post<ProjectDto>(projectsOf(a.org.slug), { name: "Yesterday" }, withKey(k));
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(again.body.id).not.toBe(first.body.id);
    const repeat = await api.post<ProjectDto>(projectsOf(a.org.slug), { name: "Yesterday" }, withKey(k));
    expect(repeat.body.id).toBe(again.body.id);
    expect(await projectsNamed(a.org.id, "Yesterday")).toBe(2);
  });

  it("is deleted by the hourly purge, which keeps younger ones", async () => {
    const fresh = randomUUID();
    expect((await client(a.team.member).post(projectsOf(a.org.slug), { name: "Fresh key" }, withKey(fresh))).status).toBe(201);
    const freshHash = createHash("sha256").update(fresh).digest("hex");
    await asOwner((db) => db.query(`update idempotency_keys set "createdAt" = now() - interval '25 hours' where "orgId" = $1 and "keyHash" <> $2`, [a.org.id, freshHash]));
    await runTask("idempotency_purge");
    const rows = await waitFor(() => storedRows(a.org.id), (r) => r.length === 1, 20_000, "the purge");
    expect(rows[0]!.keyHash).toBe(freshHash);
    const scheduled = await asOwner((db) => db.query(`select 1 from graphile_worker._private_known_crontabs where identifier = 'idempotency_purge'`));
    expect(scheduled.rows).toHaveLength(1);
  });
});

describe("refusals are not stored", () => {
  it("judges a retry afresh after a 400 or a thrown 402, so the corrected request runs under the same key", async () => {
    const api = client(a.team.owner);
    const k = randomUUID();
    const invalid = await api.post<Problem>(projectsOf(a.org.slug), { name: "" }, withKey(k));
    expect(invalid.status).toBe(400);
    const fixed = await api.post<ProjectDto>(projectsOf(a.org.slug), { name: "Fixed" }, withKey(k));
    expect(fixed.status).toBe(201);

    // A refusal thrown after the key was claimed rolls the claim back with everything else.
    const full = await orgWithTeam("Full");
    await fillProjects(full.org.id, full.team.owner.id, 50);
    const owner = client(full.team.owner);
    const k2 = randomUUID();
    const refused = await owner.post<Problem>(projectsOf(full.org.slug), { name: "Over the limit" }, withKey(k2));
    expect(refused.status).toBe(402);
    expect(await storedRows(full.org.id)).toHaveLength(0);
    await setPlan(full.org.id, "pro");
    const accepted = await owner.post<ProjectDto>(projectsOf(full.org.slug), { name: "Over the limit" }, withKey(k2));
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("a malformed Idempotency-Key", () => {
  const malformed = ["", "has space", "x".repeat(256), "tab\there", "caf\u00e9"];

  it("is refused with 400 on every POST route that honours the header (org and account routes) before anything runs", async () => {
    const routes = (await loadRouteTable()).filter((r) => r.method === "POST" && r.meta?.idempotencyKey);
    expect(routes.filter((r) => r.meta?.kind === "org").length).toBeGreaterThan(5);
    expect(routes.filter((r) => r.meta?.kind === "user").map((r) => r.path)).toContain("/api/v1/orgs");
    const cookie = await sessionCookie(a.team.owner);
    const before = await projectCount(a.org.id);
    for (const route of routes) {
      const url = route.path.replace("[org]", a.org.slug).replace("[id]", "nope");
      for (const value of malformed) {
        const res = await fetch(`${inject("baseUrl")}${url}`, {
          method: "POST",
          headers: { cookie, "idempotency-key": value, "content-type": "application/json" },
          body: JSON.stringify({ name: "Never", emails: ["never@example.test"], role: "member", plan: "pro", newEmail: "never@example.test" }),
        });
        const problem = (await res.json()) as Problem;
        expect(res.status, `${route.path} ${JSON.stringify(value)}`).toBe(400);
        expect(problem.code).toBe("invalid_input");
        expect(problem.errors?.[0]?.path).toBe("Idempotency-Key");
      }
    }
    expect(await projectCount(a.org.id)).toBe(before);
  });

  it("never reaches the app with a control character in it: Node's HTTP parser refuses the request (400)", async () => {
    const url = new URL(inject("baseUrl"));
    const cookie = await sessionCookie(a.team.owner);
    const before = await storedRows(a.org.id);
    const body = JSON.stringify({ name: "Nul" });
    for (const control of ["\u0000", "\u007f"]) {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname, () =>
          socket.end(
            `POST /api/v1/orgs/${a.org.slug}/projects HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${cookie}\r\nIdempotency-Key: a${control}b\r\n` +
              `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
          ),
        );
        let text = "";
        socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
        socket.on("close", () => resolve(text));
        socket.on("error", reject);
      });
      expect(answer.split("\r\n")[0], JSON.stringify(control)).toBe("HTTP/1.1 400 Bad Request");
    }
    expect(await projectsNamed(a.org.id, "Nul")).toBe(0);
    expect(await storedRows(a.org.id)).toEqual(before);
  });

  it("is ignored on other methods, which are idempotent already", async () => {
    const res = await client(a.team.member).get(projectsOf(a.org.slug), withKey("has space"));
    expect(res.status).toBe(200);
  });
});
