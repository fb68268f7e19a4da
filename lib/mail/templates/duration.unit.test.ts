import { describe, expect, it } from "vitest";
import { describeDuration } from "./duration";

const minute = 60_000;

describe("describeDuration", () => {
  it("words a link's lifetime the way people say it", () => {
    expect(describeDuration(15 * minute)).toBe("15 minutes");
    expect(describeDuration(24 * 60 * minute)).toBe("24 hours");
    expect(describeDuration(7 * 24 * 60 * minute)).toBe("7 days");
    expect(describeDuration(90 * minute)).toBe("90 minutes");
    expect(describeDuration(3 * 60 * minute)).toBe("3 hours");
  });

  it("absorbs the milliseconds between issuing and rendering", () => {
    expect(describeDuration(15 * minute - 40)).toBe("15 minutes");
  });

  it("uses the singular for one, and never says zero", () => {
    expect(describeDuration(minute)).toBe("1 minute");
    expect(describeDuration(0)).toBe("1 minute");
  });
});
