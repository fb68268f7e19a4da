import { describe, expect, it } from "vitest";
import { importWithEnv } from "@/tests/support/import-with-env";

// plans.ts reads Stripe price ids from env, which parses at first import.
const { fits, hasFeature, limitFor, measure, planWithFeature, planWithMore, WARNING_RATIO } = await importWithEnv({}, () => import("./entitlements"));
const { PLANS } = await importWithEnv({}, () => import("./plans"));

const free = { plan: "free", seatsPurchased: null };
const pro = { plan: "pro", seatsPurchased: null };

describe("features", () => {
  it("come from the org's plan; an unknown plan id is Free", () => {
    expect(hasFeature(free, "requireTwoFactor")).toBe(false);
    expect(hasFeature(pro, "requireTwoFactor")).toBe(true);
    expect(hasFeature({ plan: "platinum", seatsPurchased: 99 }, "auditLogExport")).toBe(false);
  });

  it("name the cheapest plan that has them", () => {
    expect(planWithFeature("auditLogExport").id).toBe("pro");
    expect(planWithFeature("apiAccess").id).toBe("pro");
  });
});

describe("limits", () => {
  it("follow the plan definitions", () => {
    expect(limitFor(free, "projects")).toBe(PLANS.free.limits.projects);
    expect(limitFor(pro, "projects")).toBeNull();
    expect(limitFor(pro, "apiCallsPerMonth")).toBe(PLANS.pro.limits.apiCallsPerMonth);
  });

  it("count members as seats under each plan's seat rule", () => {
    // Included: a fixed number, whatever was bought.
    expect(limitFor({ plan: "free", seatsPurchased: 40 }, "members")).toBe(5);
    // Per seat: never capped, whatever was bought; the subscription follows the team.
    expect(limitFor(pro, "members")).toBeNull();
    expect(limitFor({ plan: "pro", seatsPurchased: 7 }, "members")).toBeNull();
    // Contract: what the agreement says.
    expect(limitFor({ plan: "enterprise", seatsPurchased: 250 }, "members")).toBe(250);
  });

  it("fit while used + adding stays at or under the limit; unlimited always fits", () => {
    expect(fits(49, 1, 50)).toBe(true);
    expect(fits(50, 1, 50)).toBe(false);
    expect(fits(4, 2, 5)).toBe(false);
    expect(fits(10_000, 1, null)).toBe(true);
  });

  it("suggest the next plan with room", () => {
    expect(planWithMore("free", "projects", 50)?.id).toBe("pro");
    expect(planWithMore("pro", "apiCallsPerMonth", 100_000)?.id).toBe("enterprise");
    expect(planWithMore("enterprise", "members", 10)).toBeNull();
  });
});

describe("measuring usage", () => {
  it(`warns from ${WARNING_RATIO * 100}% and says when the limit is reached`, () => {
    expect(measure("projects", 39, 50)).toEqual({ limit: "projects", used: 39, max: 50, ratio: 0.78, warning: false, reached: false });
    expect(measure("projects", 40, 50)).toMatchObject({ ratio: 0.8, warning: true, reached: false });
    expect(measure("projects", 50, 50)).toMatchObject({ ratio: 1, warning: true, reached: true });
    // Over the limit (a downgrade keeps everything): still reached, ratio above 1.
    expect(measure("projects", 60, 50)).toMatchObject({ ratio: 1.2, warning: true, reached: true });
  });

  it("never warns about unlimited limits or ones the plan does not offer", () => {
    expect(measure("projects", 5000, null)).toMatchObject({ ratio: null, warning: false, reached: false });
    expect(measure("apiCallsPerMonth", 0, 0)).toMatchObject({ ratio: null, warning: false, reached: false });
  });
});
