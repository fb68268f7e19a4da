import { describe, expect, it } from "vitest";
import { generateApiKey, hashSecret, keyEnvironment, parseApiKey, secretMatches } from "./format";

describe("API key format", () => {
  it("generates keys that parse back to their parts", () => {
    const key = generateApiKey("live");
    expect(key.key).toMatch(/^tk_live_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseApiKey(key.key);
    expect(parsed).toEqual({ environment: "live", publicId: key.publicId, secret: expect.any(String) });
    expect(key.key.endsWith(key.last4)).toBe(true);
    expect(key.prefix).toBe(`tk_live_${key.publicId}`);
    expect(secretMatches(parsed!.secret, key.secretHash)).toBe(true);
  });

  it("keeps secrets that contain underscores whole", () => {
    const key = `tk_test_0123456789abcdef_${"_".repeat(42)}a`;
    expect(parseApiKey(key)?.secret).toBe(`${"_".repeat(42)}a`);
  });

  it.each([
    "",
    "tk_live_",
    "Bearer tk_live_0123456789abcdef_" + "a".repeat(43),
    "tk_prod_0123456789abcdef_" + "a".repeat(43),
    "tk_live_0123456789ABCDEF_" + "a".repeat(43),
    "tk_live_0123456789abcdef_" + "a".repeat(42),
    "tk_live_0123456789abcdef_" + "a".repeat(44),
    "tk_live_0123456789abcdef_" + "a".repeat(42) + "=",
    " tk_live_0123456789abcdef_" + "a".repeat(43),
  ])("refuses a malformed key: %j", (value) => {
    expect(parseApiKey(value)).toBeNull();
  });

  it("refuses a wrong secret and a stored hash of another length", () => {
    const key = generateApiKey("test");
    expect(secretMatches("x".repeat(43), key.secretHash)).toBe(false);
    expect(secretMatches(parseApiKey(key.key)!.secret, "abcd")).toBe(false);
    expect(hashSecret("a")).toHaveLength(64);
  });

  it("issues live keys only in production", () => {
    expect(keyEnvironment("production")).toBe("live");
    expect(keyEnvironment("local")).toBe("test");
    expect(keyEnvironment("test")).toBe("test");
  });
});
