import { describe, expect, it } from "vitest";
import { importWithEnv } from "@/tests/support/import-with-env";

// The plan definitions read Stripe price ids from env, which parses at first import.
const { PLANS, DEFINITIONS } = await importWithEnv({}, async () => ({ ...(await import("./plans")), DEFINITIONS: (await import("@/lib/billing/plans")).PLANS }));

const card = (id: string) => PLANS.find((p) => p.id === id)!;

describe("the pricing page's plans", () => {
  it("are the plan definitions, in order, with their prices and seats", () => {
    expect(PLANS.map((p) => [p.id, p.name])).toEqual(Object.values(DEFINITIONS).map((p) => [p.id, p.name]));
    expect(card("free")).toMatchObject({ price: "$0", seats: `Up to ${DEFINITIONS.free.limits.members} members` });
    expect(card("pro")).toMatchObject({ price: `$${DEFINITIONS.pro.pricePerSeatCents! / 100}`, priceNote: "per member / month" });
    expect(card("enterprise").price).toBe("Custom");
  });

  it("promise the limits, features and trial the code enforces", () => {
    expect(card("free").features).toContain(`Up to ${DEFINITIONS.free.limits.projects} projects`);
    expect(card("free").features).not.toContain("API access with keys");
    expect(card("pro").features).toEqual(
      expect.arrayContaining([
        `${DEFINITIONS.pro.trialDays}-day free trial`,
        "Unlimited projects",
        "API access with keys",
        "Require two-factor sign-in for every member",
        "Audit-log export as CSV",
        "Up to 100,000 API calls / month",
      ]),
    );
    expect(card("enterprise").features).toContain("Unlimited API calls");
  });
});
