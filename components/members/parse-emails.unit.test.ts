import { describe, expect, it } from "vitest";
import { addEmails, splitEmails } from "./parse-emails";

describe("splitEmails", () => {
  it("splits on commas, semicolons, spaces and new lines", () => {
    expect(splitEmails("a@x.test, b@x.test;c@x.test\n d@x.test\te@x.test")).toEqual(["a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test"]);
  });

  it("drops empty parts and angle brackets from pasted contacts", () => {
    expect(splitEmails(" ,, <ada@x.test> ,")).toEqual(["ada@x.test"]);
  });
});

describe("addEmails", () => {
  it("keeps each address once, whatever its case", () => {
    expect(addEmails(["Ada@x.test"], "ada@x.test bob@x.test BOB@x.test")).toEqual(["Ada@x.test", "bob@x.test"]);
  });
});
