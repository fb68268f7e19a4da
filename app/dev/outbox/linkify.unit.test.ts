import { describe, expect, it } from "vitest";
import { splitLinks } from "./linkify";

describe("splitLinks", () => {
  it("separates URLs from the text around them", () => {
    expect(splitLinks("Open this link:\nhttp://localhost:3000/api/auth/callback/email?token=a&email=b\n\nBye")).toEqual([
      { kind: "text", value: "Open this link:\n" },
      { kind: "link", value: "http://localhost:3000/api/auth/callback/email?token=a&email=b" },
      { kind: "text", value: "\n\nBye" },
    ]);
  });

  it("leaves sentence punctuation out of the link", () => {
    expect(splitLinks("Go to https://example.com/a.")).toEqual([
      { kind: "text", value: "Go to " },
      { kind: "link", value: "https://example.com/a" },
      { kind: "text", value: "." },
    ]);
  });

  it("links only http and https", () => {
    expect(splitLinks("javascript:alert(1) ftp://x")).toEqual([{ kind: "text", value: "javascript:alert(1) ftp://x" }]);
  });

  it("handles text that is only a link, or has none", () => {
    expect(splitLinks("https://a.test/x")).toEqual([{ kind: "link", value: "https://a.test/x" }]);
    expect(splitLinks("")).toEqual([]);
  });
});
