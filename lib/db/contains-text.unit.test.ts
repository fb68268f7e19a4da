import { describe, expect, it } from "vitest";
import { containsPattern, containsText } from "./contains-text";

describe("containsText", () => {
  it("escapes LIKE's wildcards and its escape character, and nothing else", () => {
    expect(containsText("100%").contains).toBe("100\\%");
    expect(containsText("a_b").contains).toBe("a\\_b");
    expect(containsText("C:\\dir\\").contains).toBe("C:\\\\dir\\\\");
    expect(containsText("%_\\").contains).toBe("\\%\\_\\\\");
    expect(containsText("Café [draft] *?").contains).toBe("Café [draft] *?");
  });
});

describe("containsPattern", () => {
  it("is the escaped text between two wildcards", () => {
    expect(containsPattern("100%_\\")).toBe("%100\\%\\_\\\\%");
    expect(containsPattern("kestrel")).toBe("%kestrel%");
  });
});
