import { describe, expect, it } from "vitest";
import { integerLiteral } from "./sql";

describe("integerLiteral", () => {
  it("writes a whole number as it is", () => {
    expect(integerLiteral(21)).toBe("21");
    expect(integerLiteral(0)).toBe("0");
    expect(integerLiteral(-3)).toBe("-3");
  });

  it("refuses anything else rather than put it into a statement", () => {
    for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => integerLiteral(value), String(value)).toThrow(/not an integer/);
  });
});
