import { describe, expect, it } from "vitest";
import { findUnstorableInput, MAX_INPUT_DEPTH } from "./storable-text";

const nested = (depth: number): unknown => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe("findUnstorableInput", () => {
  it("passes ordinary input, emoji and paired surrogates included", () => {
    expect(findUnstorableInput({ name: "Zoë 😀 👨‍👩‍👧", tags: ["a", "b"], n: 1, ok: true, none: null })).toBeNull();
    expect(findUnstorableInput("\u202Eright-to-left is text, not a storage problem")).toBeNull();
  });

  it("names the field that holds a NUL", () => {
    expect(findUnstorableInput({ name: "ok", description: "a\u0000b" })).toEqual({ path: "description", message: expect.stringContaining("NUL") });
    expect(findUnstorableInput({ emails: ["a@b.test", "c\u0000@d.test"] })?.path).toBe("emails.1");
  });

  it("finds lone high and low surrogates anywhere", () => {
    expect(findUnstorableInput({ a: { b: "x\uD800" } })).toEqual({ path: "a.b", message: expect.stringContaining("surrogate") });
    expect(findUnstorableInput({ a: "\uDC00y" })?.path).toBe("a");
    expect(findUnstorableInput("\uDBFF")?.path).toBe("(root)");
  });

  it("checks object keys and shows the bad character as U+FFFD in the path", () => {
    expect(findUnstorableInput({ "na\u0000me": "x" })).toEqual({ path: "na\uFFFDme", message: expect.stringMatching(/^key must not contain NUL/) });
    expect(findUnstorableInput({ "\uD800": 1 })?.path).toBe("\uFFFD");
  });

  it("refuses nesting deeper than the limit without recursing", () => {
    expect(findUnstorableInput(nested(MAX_INPUT_DEPTH - 1))).toBeNull();
    expect(findUnstorableInput({ a: nested(MAX_INPUT_DEPTH) })?.message).toMatch(/nested/);
    // Far deeper than any call stack: a recursive walk would throw RangeError here.
    expect(findUnstorableInput(nested(200_000))?.message).toMatch(/nested/);
  });
});
