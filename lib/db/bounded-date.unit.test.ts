import { describe, expect, it } from "vitest";
import { boundedDayOrInstantSchema, boundedDaySchema, boundedInstantSchema, isBoundedDate, MAX_DATE, MIN_DATE } from "./bounded-date";

describe("bounded dates", () => {
  it("accepts days and instants from year 1 to 9999", () => {
    for (const v of ["0001-01-01", "2026-02-28", "2024-02-29", "9999-12-31"]) expect(boundedDaySchema.safeParse(v).success, v).toBe(true);
    for (const v of ["0001-01-01T00:00:00Z", "2026-02-01T10:00:00+02:00", "9999-12-31T23:59:59.999Z"]) expect(boundedInstantSchema.safeParse(v).success, v).toBe(true);
  });

  it("refuses year 0, six-digit years and impossible days", () => {
    for (const v of ["0000-01-01", "0000-12-31T23:59:59Z", "+300000-01-01", "300000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00Z", "2023-02-29", "2024-13-01"]) {
      expect(boundedDayOrInstantSchema.safeParse(v).success, v).toBe(false);
    }
  });

  it("refuses an offset that carries the instant out of range", () => {
    expect(boundedInstantSchema.safeParse("0001-01-01T00:00:00+05:00").success).toBe(false);
    expect(boundedInstantSchema.safeParse("9999-12-31T23:59:59-01:00").success).toBe(false);
  });

  it("bounds Date values the same way", () => {
    expect(isBoundedDate(MIN_DATE) && isBoundedDate(MAX_DATE)).toBe(true);
    expect(isBoundedDate(new Date(MIN_DATE.getTime() - 1))).toBe(false);
    expect(isBoundedDate(new Date(MAX_DATE.getTime() + 1))).toBe(false);
    expect(isBoundedDate(new Date(Number.NaN))).toBe(false);
  });
});
