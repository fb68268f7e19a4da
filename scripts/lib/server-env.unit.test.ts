import { describe, expect, it } from "vitest";
import { SERVER_MALLOC_ARENA_MAX, SERVER_MAX_OLD_SPACE_MB, serverEnv, serverNodeOptions } from "./server-env";

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

describe("serverEnv", () => {
  it("adds the heap cap and the malloc arenas to the caller's environment", () => {
    expect(serverEnv({})).toEqual({ NODE_OPTIONS: cap, MALLOC_ARENA_MAX: SERVER_MALLOC_ARENA_MAX });
  });

  it("leaves the caller's own settings alone", () => {
    expect(serverEnv({ NODE_OPTIONS: "--max-old-space-size=2048", MALLOC_ARENA_MAX: "8" })).toEqual({ NODE_OPTIONS: "--max-old-space-size=2048", MALLOC_ARENA_MAX: "8" });
    expect(serverEnv({ MALLOC_ARENA_MAX: " " }).MALLOC_ARENA_MAX).toBe(SERVER_MALLOC_ARENA_MAX);
  });
});
