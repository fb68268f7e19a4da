import { describe, expect, it } from "vitest";
import { SERVER_MAX_OLD_SPACE_MB, serverNodeOptions } from "./server-node-options";

const cap = `--max-old-space-size=${SERVER_MAX_OLD_SPACE_MB}`;

describe("serverNodeOptions", () => {
  it("caps the heap when nothing else is set", () => {
    expect(serverNodeOptions(undefined)).toBe(cap);
    expect(serverNodeOptions("  ")).toBe(cap);
  });

  it("keeps the caller's other options", () => {
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps ${cap}`);
  });

  it("leaves a cap the caller chose alone", () => {
    expect(serverNodeOptions("--max-old-space-size=1024")).toBe("--max-old-space-size=1024");
    expect(serverNodeOptions("--enable-source-maps --max-old-space-size 512")).toBe("--enable-source-maps --max-old-space-size 512");
  });

  it("is not fooled by a similar flag", () => {
    expect(serverNodeOptions("--max-old-space-size-percentage=50")).toBe(`--max-old-space-size-percentage=50 ${cap}`);
  });
});
