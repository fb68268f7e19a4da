import { describe, expect, it } from "vitest";
import { currentSubscription } from "./current-subscription";

const sub = (id: string, status: string, created: number) => ({ id, status, created });

describe("the current subscription", () => {
  it("is the newest one that has not ended", () => {
    const list = [sub("old_active", "active", 1), sub("newer_ended", "canceled", 3), sub("newest_past_due", "past_due", 2)];
    expect(currentSubscription(list)?.id).toBe("newest_past_due");
  });

  it("is the newest ended one when all have ended", () => {
    expect(currentSubscription([sub("a", "canceled", 1), sub("b", "incomplete_expired", 5), sub("c", "canceled", 3)])?.id).toBe("b");
  });

  it("is null when the customer has none", () => {
    expect(currentSubscription([])).toBeNull();
  });
});
