import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes every cell and doubles inner quotes", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(null)).toBe('""');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("neutralises a cell a spreadsheet would run: %j", (value) => {
    expect(csvCell(value)).toBe(`"'${value}"`);
  });

  it("leaves ordinary text alone", () => {
    expect(csvCell("a=b")).toBe('"a=b"');
  });

  it("ends every line with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", undefined]])).toBe('"a","b"\r\n"1",""\r\n');
  });
});
