import { describe, expect, it } from "vitest";
import { meterEvent } from "./meter-event";

const day = new Date("2026-11-29T00:00:00Z");

describe("a usage report's meter event", () => {
  it("sends the delta to the metric's meter, named by the range it covers", () => {
    const event = meterEvent("cus_1", "org_1", { day, metric: "projects_created", from: 3n, to: 5n }, new Date("2026-11-30T10:00:00Z"));
    expect(event).toEqual({
      event_name: "tenantkit_projects_created",
      payload: { stripe_customer_id: "cus_1", value: "2" },
      identifier: "org_1:2026-11-29:projects_created:3-5",
      // A past day is stamped at its last second.
      timestamp: Date.parse("2026-11-29T23:59:59Z") / 1000,
    });
    expect(event?.identifier?.length ?? 0).toBeLessThanOrEqual(100);
  });

  it("stamps today's usage now, never in the future", () => {
    const now = new Date("2026-11-29T08:15:00Z");
    expect(meterEvent("cus_1", "org_1", { day, metric: "api_calls", from: 0n, to: 1n }, now)?.timestamp).toBe(now.getTime() / 1000);
  });

  it("the same range gives the same identifier; a new range a new one", () => {
    const a = meterEvent("cus_1", "org_1", { day, metric: "api_calls", from: 0n, to: 4n });
    const b = meterEvent("cus_1", "org_1", { day, metric: "api_calls", from: 0n, to: 4n });
    const c = meterEvent("cus_1", "org_1", { day, metric: "api_calls", from: 4n, to: 6n });
    expect(a?.identifier).toBe(b?.identifier);
    expect(c?.identifier).not.toBe(a?.identifier);
  });

  it("sends nothing for an empty range or a metric this build does not know", () => {
    expect(meterEvent("cus_1", "org_1", { day, metric: "api_calls", from: 4n, to: 4n })).toBeNull();
    expect(meterEvent("cus_1", "org_1", { day, metric: "retired_metric", from: 0n, to: 4n })).toBeNull();
  });
});
