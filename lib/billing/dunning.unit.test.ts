import { describe, expect, it } from "vitest";
import { isReadOnly, nextDunningState } from "./dunning";

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe("nextDunningState", () => {
  it("starts the grace period when a payment first fails", () => {
    const state = nextDunningState({ status: "active", paymentFailedAt: null }, "past_due", at("2026-12-01T10:00:00Z"), 7);
    expect(state).toEqual({ paymentFailedAt: at("2026-12-01T10:00:00Z"), graceEndsAt: at("2026-12-08T10:00:00Z") });
  });

  it("keeps the first failure's deadline through later reads, past_due turning unpaid included", () => {
    const first = at("2026-12-01T10:00:00Z");
    for (const status of ["past_due", "unpaid"]) {
      const state = nextDunningState({ status: "past_due", paymentFailedAt: first }, status, at("2026-12-05T00:00:00Z"), 7);
      expect(state.graceEndsAt!.getTime() - first.getTime(), status).toBe(7 * DAY);
    }
  });

  it("clears everything once the subscription is paid, trialing or over", () => {
    for (const status of ["active", "trialing", "canceled", "incomplete_expired"]) {
      expect(nextDunningState({ status: "past_due", paymentFailedAt: at("2026-12-01T00:00:00Z") }, status, new Date(), 7), status).toEqual({ paymentFailedAt: null, graceEndsAt: null });
    }
  });

  it("with no grace days, is read-only from the failure on", () => {
    const now = at("2026-12-01T10:00:00Z");
    const state = nextDunningState(null, "unpaid", now, 0);
    expect(isReadOnly(state.graceEndsAt, now)).toBe(true);
  });
});

describe("isReadOnly", () => {
  it("is false without a deadline and before it, true from it on", () => {
    const deadline = at("2026-12-08T10:00:00Z");
    expect(isReadOnly(null)).toBe(false);
    expect(isReadOnly(deadline, at("2026-12-08T09:59:59Z"))).toBe(false);
    expect(isReadOnly(deadline, deadline)).toBe(true);
  });
});
