import { describe, expect, it } from "vitest";
import { withoutUpstashFlags } from "./lua-shebang";

describe("withoutUpstashFlags", () => {
  it("drops the Upstash-only shebang line", () => {
    expect(withoutUpstashFlags("#!lua flags=allow-key-locking\n  local key = KEYS[1]\n")).toBe("  local key = KEYS[1]\n");
  });

  it("keeps flags real Redis knows", () => {
    expect(withoutUpstashFlags("#!lua flags=no-writes,allow-key-locking\nreturn 1")).toBe("#!lua flags=no-writes\nreturn 1");
  });

  it("leaves other scripts untouched", () => {
    for (const script of ["return 1", "#!lua\nreturn 1", "#!lua flags=no-writes\nreturn 1", "-- #!lua flags=allow-key-locking\nreturn 1"]) {
      expect(withoutUpstashFlags(script)).toBe(script);
    }
  });
});
