import { describe, expect, it } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import type { OrgUsage } from "@/lib/billing/entitlements";
import { PLANS } from "@/lib/billing/plans";
import { orgWithTeam } from "../support/factories";
import { fillProjects, setPlan } from "../support/billing";
import { client } from "../support/http";

type Problem = { status: number; code: string; detail: string; [extension: string]: unknown };

const FREE_PROJECTS = PLANS.free.limits.projects!;
const projectCount = (orgId: string) => scoped({ orgId }, (tx) => tx.project.count({ where: { orgId } }));
const auditCount = (orgId: string, action: string) => scoped({ orgId }, (tx) => tx.auditEvent.count({ where: { orgId, action } }));
const usage = (as: Parameters<typeof client>[0], slug: string) => client(as).get<OrgUsage & Problem>(`/api/v1/orgs/${slug}/usage`);

describe("the projects limit", () => {
  it("refuses a Free org's project past its limit with 402, naming limit, usage and upgrade path, and writes nothing", async () => {
    const { org, team } = await orgWithTeam("Capped");
    await fillProjects(org.id, team.owner.id, FREE_PROJECTS);
    const createdBefore = await auditCount(org.id, "project.created");

    const res = await client(team.member).post<Problem>(`/api/v1/orgs/${org.slug}/projects`, { name: "One too many" });
    expect(res.status).toBe(402);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const upgradeUrl = `/dashboard/${org.slug}/billing`;
    expect(res.body).toMatchObject({
      code: "plan_limit",
      status: 402,
      title: "Plan limit reached",
      limit: "projects",
      used: FREE_PROJECTS,
      max: FREE_PROJECTS,
      plan: "free",
      upgradeUrl,
    });
    expect(res.body.detail).toBe(
      `The Free plan allows ${FREE_PROJECTS} projects; this organization has ${FREE_PROJECTS}. Upgrade to Pro for more at ${upgradeUrl}.`,
    );
    expect(await projectCount(org.id)).toBe(FREE_PROJECTS);
    expect(await auditCount(org.id, "project.created")).toBe(createdBefore);

    // Over-limit data stays usable: existing projects can still be edited and deleted.
    const [first] = (await client(team.member).get<{ data: { id: string }[] }>(`/api/v1/orgs/${org.slug}/projects?limit=1`)).body.data;
    expect((await client(team.member).patch(`/api/v1/orgs/${org.slug}/projects/${first!.id}`, { name: "Still editable" })).status).toBe(200);

    // Upgrading lifts the limit at once.
    await setPlan(org.id, "pro");
    expect((await client(team.member).post(`/api/v1/orgs/${org.slug}/projects`, { name: "Room now" })).status).toBe(201);
  });

  it("keeps a downgraded org's projects above the limit and refuses only new ones", async () => {
    const { org, team } = await orgWithTeam("Downgraded");
    await setPlan(org.id, "pro");
    await fillProjects(org.id, team.owner.id, FREE_PROJECTS + 5);
    await setPlan(org.id, "free");

    const res = await client(team.admin).post<Problem>(`/api/v1/orgs/${org.slug}/projects`, { name: "Nope" });
    expect([res.status, res.body.code, res.body.used]).toEqual([402, "plan_limit", FREE_PROJECTS + 5]);
    expect(await projectCount(org.id)).toBe(FREE_PROJECTS + 5);
    const list = await usage(team.admin, org.slug);
    expect(list.body.limits.find((l) => l.limit === "projects")).toMatchObject({ used: FREE_PROJECTS + 5, reached: true, warning: true });
  });

  it("lets concurrent creates take the last slot only once", async () => {
    const { org, team } = await orgWithTeam("Race");
    await fillProjects(org.id, team.owner.id, FREE_PROJECTS - 1);
    const api = client(team.member);
    const statuses = (await Promise.all(Array.from({ length: 4 }, (_, i) => api.post(`/api/v1/orgs/${org.slug}/projects`, { name: `Racer ${i}` })))).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 402, 402, 402]);
    expect(await projectCount(org.id)).toBe(FREE_PROJECTS);
  });
});

describe("the usage endpoint", () => {
  it("reports the plan, each limit and the features, warning from 80%", async () => {
    const { org, team } = await orgWithTeam("Usage");
    const start = await usage(team.admin, org.slug);
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({
      plan: { id: "free", name: "Free" },
      features: { apiAccess: false, requireTwoFactor: false, auditLogExport: false },
      upgradeUrl: `/dashboard/${org.slug}/billing`,
    });
    // orgWithTeam: 3 projects, and 4 members on 5 seats, which is 80%: a warning already.
    expect(start.body.limits).toEqual([
      { limit: "projects", used: 3, max: FREE_PROJECTS, ratio: 3 / FREE_PROJECTS, warning: false, reached: false },
      { limit: "members", used: 4, max: 5, ratio: 0.8, warning: true, reached: false },
      { limit: "apiCallsPerMonth", used: 0, max: 0, ratio: null, warning: false, reached: false },
    ]);
    expect(start.body.warning).toBe(true);

    await fillProjects(org.id, team.owner.id, FREE_PROJECTS * 0.8);
    const near = await usage(team.viewer, org.slug);
    expect(near.body.limits[0]).toEqual({ limit: "projects", used: FREE_PROJECTS * 0.8, max: FREE_PROJECTS, ratio: 0.8, warning: true, reached: false });

    await setPlan(org.id, "pro");
    const pro = await usage(team.admin, org.slug);
    expect(pro.body.plan.id).toBe("pro");
    expect(pro.body.warning).toBe(false);
    expect(pro.body.limits.slice(0, 2)).toEqual([
      { limit: "projects", used: FREE_PROJECTS * 0.8, max: null, ratio: null, warning: false, reached: false },
      { limit: "members", used: 4, max: null, ratio: null, warning: false, reached: false },
    ]);
    expect(pro.body.features).toEqual({ apiAccess: true, requireTwoFactor: true, auditLogExport: true });
  });

  it("answers 404 for another org's slug, and 401 signed out", async () => {
    const a = await orgWithTeam("UsageA");
    const b = await orgWithTeam("UsageB");
    const res = await usage(a.team.owner, b.org.slug);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain("UsageB");
    expect((await client().get(`/api/v1/orgs/${a.org.slug}/usage`)).status).toBe(401);
  });
});

describe("features the plan lacks", () => {
  it("refuses audit-log export on Free with 403 naming the plan that has it", async () => {
    const { org, team } = await orgWithTeam("NoExport");
    const res = await client(team.admin).get<Problem>(`/api/v1/orgs/${org.slug}/audit/export`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "feature_unavailable", feature: "auditLogExport", plan: "free", requiredPlan: "pro" });
    expect(res.body.detail).toBe(`Audit-log export is not part of the Free plan. It comes with Pro: upgrade at /dashboard/${org.slug}/billing.`);
    // Reading the log is not a plan feature.
    expect((await client(team.admin).get(`/api/v1/orgs/${org.slug}/audit`)).status).toBe(200);

    await setPlan(org.id, "pro");
    expect((await client(team.admin).get(`/api/v1/orgs/${org.slug}/audit/export`)).status).toBe(200);
  });

  it("refuses requiring two-factor sign-in on Free with 403, and writes nothing", async () => {
    const { org, team } = await orgWithTeam("NoTwoFactor");
    const res = await client(team.owner).patch<Problem>(`/api/v1/orgs/${org.slug}`, { requireTwoFactor: true });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "feature_unavailable", feature: "requireTwoFactor", requiredPlan: "pro" });
    const stored = await scoped({ orgId: org.id }, (tx) => tx.organization.findUniqueOrThrow({ where: { id: org.id }, select: { requireTwoFactor: true } }));
    expect(stored.requireTwoFactor).toBe(false);
    expect(await auditCount(org.id, "org.updated")).toBe(0);
    // Turning it off is never refused, so a downgraded org is not stuck with it.
    expect((await client(team.owner).patch(`/api/v1/orgs/${org.slug}`, { requireTwoFactor: false })).status).toBe(200);
  });
});
