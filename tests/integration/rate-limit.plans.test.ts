import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import { scoped } from "@/lib/db/tenant-transaction";
import { API_RATES, limits } from "@/lib/rate-limit/limits";
import type { AppServer } from "../support/app-server";
import { setPlan } from "../support/billing";
import { orgWithTeam, type TestUser } from "../support/factories";
import { sessionCookie } from "../support/http";
import { startPrivateRedis, type PrivateRedis } from "../support/redis-server";
import { startSecondAppServer } from "../support/second-app-server";
import { createKey } from "./api-keys.support";

// Small real numbers: Free lets a person read 6 times a minute and an org's route group 15 times.
const MULTIPLIER = 0.05;
const scaled = (n: number) => Math.max(1, Math.floor(n * MULTIPLIER));
const FREE = { callerRead: scaled(API_RATES.free.caller.read), orgRead: scaled(API_RATES.free.org.read) };
const PRO = { callerRead: scaled(API_RATES.pro.caller.read), orgRead: scaled(API_RATES.pro.org.read) };
const PLAN_CACHE_SECONDS = 2;

type Problem = { type: string; title: string; status: number; detail: string; code: string; [extension: string]: unknown };
/** `windowEnd`: seconds left in the current one-minute window when the answer arrived, which the reset headers count down to. */
type Answer = { status: number; headers: Headers; body: Problem; windowEnd: number };

let redis: PrivateRedis;
let app: AppServer;

/** The app under test here: its own Redis (stopped later on), small limits, a short plan cache. */
beforeAll(async () => {
  redis = await startPrivateRedis();
  app = await startSecondAppServer({ REDIS_URL: redis.url, RATE_LIMIT_MULTIPLIER: String(MULTIPLIER), RATE_LIMIT_PLAN_CACHE_SECONDS: String(PLAN_CACHE_SECONDS) });
});
afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

/** Who calls, from which address: each caller gets its own, so only the test that means to meets the per-IP cap. */
type As = { cookie?: string; key?: string; ip: string };

let addresses = 0;
const nextIp = () => `198.51.100.${++addresses}`;

async function call(who: As | null, method: string, path: string, body?: unknown): Promise<Answer> {
  // The server trusts two proxies: the client is the entry two from the right.
  const headers: Record<string, string> = { "x-forwarded-for": `${who?.ip ?? nextIp()}, 203.0.113.1` };
  if (who?.cookie) headers.cookie = who.cookie;
  if (who?.key) headers.authorization = `Bearer ${who.key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  // Cookie writes must come from the app's own origin.
  if (method !== "GET") headers.origin = app.baseUrl;
  const res = await fetch(`${app.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Problem, windowEnd: secondsToWindowEnd() };
}

/** A signed-in person on one device, as a browser keeps its cookie. */
const as = async (user: TestUser): Promise<As> => ({ cookie: await sessionCookie(user), ip: nextIp() });
const withKey = (key: CreatedApiKeyDto): As => ({ key: key.key, ip: nextIp() });

const times = async (n: number, request: () => Promise<Answer>) => {
  const answers: Answer[] = [];
  for (let i = 0; i < n; i++) answers.push(await request());
  return answers;
};

/** Fixed one-minute windows: start a burst that must fit in one window well before its end. */
async function freshWindowRoom(needMs = 15_000) {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 200));
}

const secondsToWindowEnd = () => Math.ceil((60_000 - (Date.now() % 60_000)) / 1000);

function expectTooMany(answer: Answer, extensions: Record<string, unknown>) {
  expect(answer.status).toBe(429);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body).toMatchObject({ type: `${app.baseUrl}/docs/api#problem-rate-limited`, status: 429, code: "rate_limited", ...extensions });
  expect(answer.body.detail).toMatch(/Retry-After/);
  const retryAfter = Number(answer.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(Math.abs(retryAfter - answer.windowEnd)).toBeLessThanOrEqual(1);
  expect(answer.headers.get("ratelimit-remaining")).toBe("0");
  expect(answer.headers.get("ratelimit-limit")).toBe(String(extensions.max));
}

describe("per person and per org route group, by plan", () => {
  it("counts down a person's own limit in the headers, then refuses with 429 naming it", async () => {
    const { org, team } = await orgWithTeam("RlPerson");
    const owner = await as(team.owner);
    await freshWindowRoom();
    const answers = await times(FREE.callerRead + 1, () => call(owner, "GET", `/api/v1/orgs/${org.slug}/projects`));

    const served = answers.slice(0, FREE.callerRead);
    expect(served.map((a) => a.status)).toEqual(served.map(() => 200));
    expect(served.map((a) => a.headers.get("ratelimit-limit"))).toEqual(served.map(() => String(FREE.callerRead)));
    expect(served.map((a) => Number(a.headers.get("ratelimit-remaining")))).toEqual(served.map((_, i) => FREE.callerRead - 1 - i));
    for (const a of served) {
      expect(Math.abs(Number(a.headers.get("ratelimit-reset")) - a.windowEnd)).toBeLessThanOrEqual(1);
      expect(a.headers.get("retry-after")).toBeNull();
    }
    expectTooMany(answers.at(-1)!, { limit: "api:caller:read", scope: "user", group: "projects:read", max: FREE.callerRead, plan: "free" });
  });

  it("shares the org's bucket for a route group between its members, and keeps other groups open", async () => {
    const { org, team } = await orgWithTeam("RlOrg");
    const [owner, admin, member] = await Promise.all([as(team.owner), as(team.admin), as(team.member)]);
    const projects = `/api/v1/orgs/${org.slug}/projects`;
    await freshWindowRoom();
    const spent = [...(await times(FREE.callerRead, () => call(owner, "GET", projects))), ...(await times(FREE.callerRead, () => call(admin, "GET", projects)))];
    expect(spent.every((a) => a.status === 200)).toBe(true);

    const left = FREE.orgRead - 2 * FREE.callerRead;
    const last = await times(left, () => call(member, "GET", projects));
    expect(last.map((a) => a.status)).toEqual(last.map(() => 200));
    // The org's bucket now has as few left as the member's own: the headers report the org's.
    expect(last.at(-1)!.headers.get("ratelimit-limit")).toBe(String(FREE.orgRead));
    expect(last.at(-1)!.headers.get("ratelimit-remaining")).toBe("0");

    expectTooMany(await call(member, "GET", projects), { limit: "api:org:read", scope: "org", group: "projects:read", max: FREE.orgRead });
    expect((await call(member, "GET", `/api/v1/orgs/${org.slug}/members`)).status).toBe(200);
    expect((await call(member, "POST", projects, { name: "Writes have their own group" })).status).toBe(201);
  });

  it("lets strangers spend none of an org's allowance, and caps their lookups per address", async () => {
    const { org, team } = await orgWithTeam("RlVictim");
    const { team: strangers } = await orgWithTeam("RlStranger");
    const stranger = await as(strangers.owner);
    const unverifiedPerIp = scaled(limits["api:unverified-ip"].tokens);
    expect(unverifiedPerIp).toBeGreaterThan(FREE.orgRead);
    await freshWindowRoom();
    const refused = await times(unverifiedPerIp, () => call(stranger, "GET", `/api/v1/orgs/${org.slug}/projects`));
    expect(refused.every((a) => a.status === 404)).toBe(true);
    const capped = await call(stranger, "GET", `/api/v1/orgs/${org.slug}/projects`);
    expect([capped.status, capped.body.limit, capped.body.scope]).toEqual([429, "api:unverified-ip", "ip"]);

    const owner = await call(await as(team.owner), "GET", `/api/v1/orgs/${org.slug}/projects`);
    expect(owner.status).toBe(200);
    expect(owner.headers.get("ratelimit-remaining")).toBe(String(FREE.callerRead - 1));
  });
});

describe("per API key", () => {
  let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
  let runaway: CreatedApiKeyDto;
  let calm: CreatedApiKeyDto;

  beforeAll(async () => {
    fixture = await orgWithTeam("RlKeys");
    await setPlan(fixture.org.id, "pro");
    // Made through the main test server, whose counts live in another Redis.
    runaway = await createKey(fixture.team.owner, fixture.org.slug, { name: "Runaway", role: "read_only" });
    calm = await createKey(fixture.team.owner, fixture.org.slug, { name: "Calm", role: "read_only" });
  });

  it("gives each key its own bucket: one exhausted, the other still served, and the dashboard too", async () => {
    const path = `/api/v1/orgs/${fixture.org.slug}/projects`;
    const runawayKey = withKey(runaway);
    await freshWindowRoom();
    const answers = await times(PRO.callerRead + 1, () => call(runawayKey, "GET", path));
    expect(answers.slice(0, -1).every((a) => a.status === 200)).toBe(true);
    expect(answers[0]!.headers.get("ratelimit-limit")).toBe(String(PRO.callerRead));
    expectTooMany(answers.at(-1)!, { limit: "api:caller:read", scope: "api_key", group: "projects:read", max: PRO.callerRead, plan: "pro" });
    expect(answers.at(-1)!.body.detail).toMatch(/API key.*Pro plan/);

    // Refused requests spend the key's own bucket only. The org's shared one lost one more than
    // the key was served: the request that met the key's empty bucket, counted in both together.
    const hammering = await times(PRO.callerRead, () => call(runawayKey, "GET", path));
    expect(hammering.every((a) => a.status === 429)).toBe(true);
    const other = await call(withKey(calm), "GET", path);
    expect(other.status).toBe(200);
    const orgLeft = PRO.orgRead - (PRO.callerRead + 1) - 1;
    // Fewer than the calm key's own, so the headers report the org's bucket.
    expect(orgLeft).toBeLessThan(PRO.callerRead - 1);
    expect(other.headers.get("ratelimit-remaining")).toBe(String(orgLeft));
    expect((await call(await as(fixture.team.viewer), "GET", path)).status).toBe(200);
  });

  it("tells a rate limit (429 rate_limited) from the monthly quota (402 plan_limit)", async () => {
    const { org, team } = await orgWithTeam("RlQuota");
    await setPlan(org.id, "pro");
    const key = await createKey(team.owner, org.slug, { name: "Quota", role: "read_only" });
    const today = new Date().toISOString().slice(0, 10);
    await scoped({}, (tx) => tx.$executeRaw`select app_record_usage(${[org.id]}::text[], ${[today]}::date[], ${["api_calls"]}::text[], ${[100_000]}::bigint[])`);
    const quota = await call(withKey(key), "GET", `/api/v1/orgs/${org.slug}/projects`);
    expect(quota.status).toBe(402);
    expect(quota.body).toMatchObject({ type: `${app.baseUrl}/docs/api#problem-plan-limit`, code: "plan_limit", limit: "apiCallsPerMonth", max: 100_000 });
    expect(quota.headers.get("retry-after")).toBeNull();
  });
});

describe("when the plan changes", () => {
  it("applies an upgrade at once to a caller with room left", async () => {
    const { org, team } = await orgWithTeam("RlUpgrade");
    const owner = await as(team.owner);
    const path = `/api/v1/orgs/${org.slug}/projects`;
    await freshWindowRoom();
    expect((await call(owner, "GET", path)).headers.get("ratelimit-limit")).toBe(String(FREE.callerRead));
    await setPlan(org.id, "pro");
    const after = await call(owner, "GET", path);
    expect([after.status, after.headers.get("ratelimit-limit"), after.headers.get("ratelimit-remaining")]).toEqual([200, String(PRO.callerRead), String(PRO.callerRead - 2)]);
  });

  it("lifts a refused caller once the remembered plan expires", async () => {
    const { org, team } = await orgWithTeam("RlLift");
    const owner = await as(team.owner);
    const path = `/api/v1/orgs/${org.slug}/projects`;
    await freshWindowRoom(20_000);
    await times(FREE.callerRead, () => call(owner, "GET", path));
    expect((await call(owner, "GET", path)).status).toBe(429);
    await setPlan(org.id, "pro");
    // Refused before the database while this process still remembers Free…
    expect((await call(owner, "GET", path)).status).toBe(429);
    await new Promise((r) => setTimeout(r, PLAN_CACHE_SECONDS * 1000 + 200));
    // …then decided with the plan read from the database.
    const lifted = await call(owner, "GET", path);
    expect([lifted.status, lifted.headers.get("ratelimit-limit")]).toEqual([200, String(PRO.callerRead)]);
  });

  it("never lets a downgraded org past its new numbers, whatever the process remembers", async () => {
    const { org, team } = await orgWithTeam("RlDowngrade");
    await setPlan(org.id, "pro");
    const owner = await as(team.owner);
    const path = `/api/v1/orgs/${org.slug}/projects`;
    await freshWindowRoom();
    const pro = await times(FREE.callerRead + 1, () => call(owner, "GET", path));
    expect(pro.every((a) => a.status === 200)).toBe(true);
    await setPlan(org.id, "free");
    expectTooMany(await call(owner, "GET", path), { limit: "api:caller:read", scope: "user", max: FREE.callerRead, plan: "free" });
  });
});

describe("when the rate-limit store is down", () => {
  beforeAll(() => redis.stop());
  afterAll(() => redis.start());

  it("still answers API requests (fail open), without invented counts, and logs the outage once", async () => {
    const { org, team } = await orgWithTeam("RlDown");
    const owner = await as(team.owner);
    const answers = await times(FREE.callerRead * 2, () => call(owner, "GET", `/api/v1/orgs/${org.slug}/projects`));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.every((a) => a.headers.get("ratelimit-limit") === null)).toBe(true);
    const warnings = app.output.join("").split("\n").filter((line) => line.includes("rate-limit store failed"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"policy":"open"');
  });

  it("refuses sign-in and sign-up (fail closed) with 503 and Retry-After, never a 500", async () => {
    const signUp = await call(null, "POST", "/api/v1/signup", { email: "down@example.test", password: "a long enough password", name: "Down" });
    const signIn = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=a%40b.test&password=x" });
    for (const [status, headers, body] of [
      [signUp.status, signUp.headers, signUp.body],
      [signIn.status, signIn.headers, (await signIn.json()) as Problem],
    ] as const) {
      expect(status).toBe(503);
      expect(body.code).toBe("unavailable");
      expect(Number(headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("after the store comes back", () => {
  it("counts again and says so in the log", async () => {
    const { org, team } = await orgWithTeam("RlBack");
    const owner = await as(team.owner);
    let answer: Answer | undefined;
    // node-redis reconnects on its own schedule (a few hundred ms between attempts).
    for (let i = 0; i < 50 && answer?.headers.get("ratelimit-limit") == null; i++) {
      answer = await call(owner, "GET", `/api/v1/orgs/${org.slug}/projects`);
      if (answer.headers.get("ratelimit-limit") === null) await new Promise((r) => setTimeout(r, 200));
    }
    expect(answer?.headers.get("ratelimit-limit")).not.toBeNull();
    // The answer that first counted may have met the store mid-reconnect for one of its two
    // buckets (reported then is the one that counted); the next one counts in both.
    answer = await call(owner, "GET", `/api/v1/orgs/${org.slug}/projects`);
    expect(answer.headers.get("ratelimit-limit")).toBe(String(FREE.callerRead));
    expect(app.output.join("")).toContain("rate-limit store answers again");
  });
});
