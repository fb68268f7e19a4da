import { describe, expect, it } from "vitest";
import type { RateLimitResult } from "./limiter";
import { API_RATES, limits } from "./limits";
import { mostRestrictive, planBuckets, planTokens, routeGroup, underPlan } from "./plan-limits";

const reset = 1_700_000_060_000;
const counted = (limit: number, remaining: number, success = true): RateLimitResult => ({ success, limit, remaining, reset, degraded: false });

describe("routeGroup", () => {
  it("names the group after the resource under the org and whether the method reads or writes", () => {
    expect(routeGroup("GET", "/api/v1/orgs/[org]/projects")).toEqual({ resource: "projects", access: "read", name: "projects:read" });
    expect(routeGroup("PATCH", "/api/v1/orgs/[org]/projects/[id]").name).toBe("projects:write");
    expect(routeGroup("POST", "/api/v1/orgs/[org]/invitations/[id]/resend").name).toBe("invitations:write");
    expect(routeGroup("POST", "/api/v1/orgs/[org]/billing/checkout").name).toBe("billing:write");
    expect(routeGroup("head", "/api/v1/orgs/[org]/audit/export").name).toBe("audit:read");
  });

  it("puts the org's own routes in the `org` group", () => {
    expect(routeGroup("GET", "/api/v1/orgs/[org]").name).toBe("org:read");
    expect(routeGroup("DELETE", "/api/v1/orgs/[org]").name).toBe("org:write");
  });
});

describe("planBuckets", () => {
  const group = routeGroup("GET", "/api/v1/orgs/[org]/projects/[id]");

  it("shares the org's bucket between callers and gives each caller its own", () => {
    const key = planBuckets("acme", { kind: "api_key", id: "k1" }, group);
    const other = planBuckets("acme", { kind: "api_key", id: "k2" }, group);
    const person = planBuckets("acme", { kind: "user", id: "u1" }, group);
    expect(key.org).toEqual({ limit: "api:org:read", key: "acme:projects", scope: "org" });
    expect(other.org).toEqual(key.org);
    expect(key.caller).toEqual({ limit: "api:caller:read", key: "acme:api_key:k1", scope: "api_key" });
    expect(other.caller.key).not.toBe(key.caller.key);
    expect(person.caller).toEqual({ limit: "api:caller:read", key: "acme:user:u1", scope: "user" });
  });

  it("keeps a person's buckets apart in each of their orgs, and reads apart from writes", () => {
    const write = routeGroup("POST", "/api/v1/orgs/[org]/projects");
    expect(planBuckets("globex", { kind: "user", id: "u1" }, group).caller.key).toBe("globex:user:u1");
    expect(planBuckets("acme", { kind: "user", id: "u1" }, write)).toMatchObject({ org: { limit: "api:org:write" }, caller: { limit: "api:caller:write" } });
  });
});

describe("planTokens", () => {
  it("reads the plan's number and scales it like every limit", () => {
    expect(planTokens("api:org:read", "free", 1)).toBe(API_RATES.free.org.read);
    expect(planTokens("api:caller:write", "pro", 2)).toBe(API_RATES.pro.caller.write * 2);
    expect(planTokens("auth:ip", "enterprise", 1)).toBeUndefined();
  });

  it("never exceeds what the store counts up to", () => {
    for (const plan of ["free", "pro", "enterprise"] as const) {
      for (const name of ["api:org:read", "api:org:write", "api:caller:read", "api:caller:write"] as const) {
        expect(planTokens(name, plan, 1)).toBeLessThanOrEqual(limits[name].tokens);
      }
    }
  });
});

describe("underPlan", () => {
  it("judges the count the store made against the plan's smaller number", () => {
    // The store counts up to 6000: 6000 - 5700 = 300 used, this request included.
    expect(underPlan(counted(6000, 5700), 300)).toEqual(counted(300, 0, true));
    expect(underPlan(counted(6000, 5699), 300)).toEqual(counted(300, 0, false));
    expect(underPlan(counted(6000, 5990), 300)).toEqual(counted(300, 290, true));
  });

  it("refuses under every plan what the store refused", () => {
    expect(underPlan(counted(6000, 0, false), 6000)).toEqual(counted(6000, 0, false));
    expect(underPlan(counted(6000, 0, true), 6000)).toEqual(counted(6000, 0, true));
  });

  it("keeps the store-failure policy's decision", () => {
    const open = { success: true, limit: 6000, remaining: 6000, reset, degraded: true };
    expect(underPlan(open, 300)).toEqual({ ...open, limit: 300, remaining: 300 });
  });
});

describe("mostRestrictive", () => {
  const check = (name: string, result: RateLimitResult) => ({ name, result });

  it("reports the allowed check with the fewest requests left, the smaller limit on a tie", () => {
    expect(mostRestrictive([check("org", counted(300, 250)), check("caller", counted(120, 100))])?.name).toBe("caller");
    expect(mostRestrictive([check("org", counted(300, 10)), check("caller", counted(120, 100))])?.name).toBe("org");
    expect(mostRestrictive([check("org", counted(300, 5)), check("caller", counted(120, 5))])?.name).toBe("caller");
  });

  it("reports a refusing check over any allowed one, the one that frees up last", () => {
    const early = { ...counted(120, 0, false), reset: reset - 30_000 };
    expect(mostRestrictive([check("org", counted(300, 0)), check("caller", early)])?.name).toBe("caller");
    expect(mostRestrictive([check("a", early), check("b", counted(300, 0, false))])?.name).toBe("b");
  });

  it("prefers counted results to ones decided without the store", () => {
    const degraded = { success: true, limit: 300, remaining: 300, reset, degraded: true };
    expect(mostRestrictive([check("down", degraded), check("up", counted(300, 299))])?.name).toBe("up");
    expect(mostRestrictive([check("down", degraded)])?.name).toBe("down");
    expect(mostRestrictive([])).toBeUndefined();
  });
});
