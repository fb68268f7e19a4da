import { beforeAll, describe, expect, it } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import { setPlan } from "../support/billing";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { billingRows } from "./billing.support";
import { createKey, keyClient } from "./api-keys.support";
import { asOwner, pendingJobs, runTask, syncState, waitFor } from "./billing-sync.support";

/**
 * Usage metering: counts are aggregated in the app's memory, flushed to `usage_counters` in
 * batches, and reported to Stripe's meters by `billing_report_usage` (enqueued here as its
 * hourly cron would), one meter event per unreported delta.
 */

let metered: Awaited<ReturnType<typeof orgWithTeam>>;
let unbilled: Awaited<ReturnType<typeof orgWithTeam>>;
let customerId: string;

type Counter = { metric: string; quantity: string; reportedQuantity: string; reportingQuantity: string | null };
const counters = (orgId: string) =>
  asOwner(async (db) => (await db.query<Counter>(`select metric, quantity::text, "reportedQuantity"::text, "reportingQuantity"::text from usage_counters where "orgId" = $1 order by metric`, [orgId])).rows);
const projectsCounter = async (orgId: string) => (await counters(orgId)).find((c) => c.metric === "projects_created");
const eventsFor = async (customer: string) => (await syncState()).meterEvents.filter((e) => e.payload.stripe_customer_id === customer);

async function createProject(team: Awaited<ReturnType<typeof orgWithTeam>>, name: string) {
  expect((await client(team.team.member).post(`/api/v1/orgs/${team.org.slug}/projects`, { name })).status).toBe(201);
}

async function report() {
  await runTask("billing_report_usage");
  await waitFor(() => pendingJobs("billing_report_usage"), (n) => n === 0, 20_000, "the usage report");
}

beforeAll(async () => {
  metered = await orgWithTeam("Metered");
  unbilled = await orgWithTeam("Unbilled");
  expect((await client(metered.team.owner).post(`/api/v1/orgs/${metered.org.slug}/billing/portal`)).status).toBe(200);
  customerId = (await billingRows(metered.org.id)).org.stripeCustomerId!;
});

describe("usage metering", () => {
  it("counts created projects per org and day once the app flushes", async () => {
    await createProject(metered, "Metered one");
    await createProject(metered, "Metered two");
    await createProject(unbilled, "Unbilled one");
    await waitFor(() => projectsCounter(metered.org.id), (c) => c?.quantity === "2", 15_000, "2 projects counted");
    await waitFor(() => projectsCounter(unbilled.org.id), (c) => c?.quantity === "1", 15_000, "1 project counted");
  });

  it("reports each unreported delta to Stripe once; a rerun sends nothing new", async () => {
    await report();
    const [first, ...rest] = await eventsFor(customerId);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ event_name: "tenantkit_projects_created", payload: { stripe_customer_id: customerId, value: "2" } });
    expect(await projectsCounter(metered.org.id)).toMatchObject({ quantity: "2", reportedQuantity: "2", reportingQuantity: null });

    await report();
    expect(await eventsFor(customerId)).toHaveLength(1);

    await createProject(metered, "Metered three");
    await waitFor(() => projectsCounter(metered.org.id), (c) => c?.quantity === "3", 15_000, "3 projects counted");
    await report();
    const events = await eventsFor(customerId);
    expect(events.map((e) => e.payload.value)).toEqual(["2", "1"]);
    expect(new Set(events.map((e) => e.identifier)).size).toBe(2);
  });

  it("keeps the usage of an org without a Stripe customer, unreported", async () => {
    expect(await projectsCounter(unbilled.org.id)).toMatchObject({ quantity: "1", reportedQuantity: "0" });
    const customers = (await syncState()).customers.filter((c) => c.metadata.orgId === unbilled.org.id);
    expect(customers).toEqual([]);
  });

  it("a retried report sends the event it claimed, which Stripe counts once", async () => {
    await asOwner((db) => db.query(`update usage_counters set quantity = 5 where "orgId" = $1 and metric = 'projects_created'`, [metered.org.id]));
    await report();
    expect((await eventsFor(customerId)).map((e) => e.payload.value)).toEqual(["2", "1", "2"]);
    // As if that run had crashed after Stripe accepted the event but before marking it reported.
    await asOwner((db) => db.query(`update usage_counters set "reportedQuantity" = 3, "reportingQuantity" = 5 where "orgId" = $1 and metric = 'projects_created'`, [metered.org.id]));
    await report();
    expect((await eventsFor(customerId)).map((e) => e.payload.value)).toEqual(["2", "1", "2"]);
    expect(await projectsCounter(metered.org.id)).toMatchObject({ quantity: "5", reportedQuantity: "5", reportingQuantity: null });
  });

  it("counts API calls against the monthly limit on the usage endpoint", async () => {
    await setPlan(metered.org.id, "pro");
    // The public-API path records with the same batched function the flush uses.
    await scoped({}, (tx) => tx.$executeRaw`select app_record_usage(${[metered.org.id]}::text[], ${[new Date().toISOString().slice(0, 10)]}::date[], ${["api_calls"]}::text[], ${[7]}::bigint[])`);
    type Usage = { limits: { limit: string; used: number; max: number | null }[] };
    const usage = await client(metered.team.owner).get<Usage>(`/api/v1/orgs/${metered.org.slug}/usage`);
    expect(usage.body.limits.find((l) => l.limit === "apiCallsPerMonth")).toMatchObject({ used: 7, max: 100_000 });
    const other = await client(unbilled.team.owner).get<Usage>(`/api/v1/orgs/${unbilled.org.slug}/usage`);
    expect(other.body.limits.find((l) => l.limit === "apiCallsPerMonth")?.used).toBe(0);
  });
});

describe("API calls", () => {
  it("count each answered request made with a key, and never the dashboard's own requests", async () => {
    const org = await orgWithTeam("Keyed");
    await setPlan(org.org.id, "pro");
    const key = await createKey(org.team.admin, org.org.slug, { name: "Metering", role: "read_only" });
    for (let i = 0; i < 3; i++) expect((await keyClient(key.key).get(`/api/v1/orgs/${org.org.slug}/projects`)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await client(org.team.member).get(`/api/v1/orgs/${org.org.slug}/projects`)).status).toBe(200);
    const apiCalls = async () => (await counters(org.org.id)).find((c) => c.metric === "api_calls")?.quantity;
    await waitFor(apiCalls, (q) => q === "3", 15_000, "3 API calls counted");
    type Usage = { limits: { limit: string; used: number }[] };
    const usage = await client(org.team.owner).get<Usage>(`/api/v1/orgs/${org.org.slug}/usage`);
    expect(usage.body.limits.find((l) => l.limit === "apiCallsPerMonth")?.used).toBe(3);
  });
});

describe("the monthly API-call quota", () => {
  it("refuses key requests past the plan's calls this month with 402 naming the limit; the dashboard and unlimited plans are not held to it", async () => {
    const org = await orgWithTeam("Quota");
    await setPlan(org.org.id, "pro");
    const key = await createKey(org.team.admin, org.org.slug, { name: "Busy", role: "read_only" });
    const today = new Date().toISOString().slice(0, 10);
    await scoped({}, (tx) => tx.$executeRaw`select app_record_usage(${[org.org.id]}::text[], ${[today]}::date[], ${["api_calls"]}::text[], ${[100_000]}::bigint[])`);

    type Problem = { code: string; limit: string; used: number; max: number; upgradeUrl: string };
    const refused = await keyClient(key.key).get<Problem>(`/api/v1/orgs/${org.org.slug}/projects`);
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({ code: "plan_limit", limit: "apiCallsPerMonth", used: 100_000, max: 100_000, upgradeUrl: `/dashboard/${org.org.slug}/billing` });
    expect((await client(org.team.member).get(`/api/v1/orgs/${org.org.slug}/projects`)).status).toBe(200);

    await setPlan(org.org.id, "enterprise", 10);
    expect((await keyClient(key.key).get(`/api/v1/orgs/${org.org.slug}/projects`)).status).toBe(200);
  });
});

describe("usage counters are tenant data", () => {
  it("a member's transaction sees only its own org's counters, and cannot set them", async () => {
    const seen = await scoped({ orgId: unbilled.org.id }, (tx) => tx.usageCounter.findMany({ select: { orgId: true } }));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((c) => c.orgId === unbilled.org.id)).toBe(true);
    expect(await scoped({ orgId: unbilled.org.id }, (tx) => tx.usageCounter.count({ where: { orgId: metered.org.id } }))).toBe(0);
    // Another org's counter: nothing to update; its own counts: not the app's to set.
    expect(await scoped({ orgId: unbilled.org.id }, (tx) => tx.$executeRaw`update usage_counters set "reportedQuantity" = 0 where "orgId" = ${metered.org.id}`)).toBe(0);
    await expect(scoped({ orgId: unbilled.org.id }, (tx) => tx.$executeRaw`update usage_counters set quantity = 0 where "orgId" = ${unbilled.org.id}`)).rejects.toThrow(/permission denied/);
    // The batched function only adds.
    await scoped({}, (tx) => tx.$executeRaw`select app_record_usage(${[unbilled.org.id]}::text[], ${[new Date().toISOString().slice(0, 10)]}::date[], ${["projects_created"]}::text[], ${[-1]}::bigint[])`);
    expect((await projectsCounter(unbilled.org.id))?.quantity).toBe("1");
    expect((await projectsCounter(metered.org.id))?.quantity).toBe("5");
  });
});
