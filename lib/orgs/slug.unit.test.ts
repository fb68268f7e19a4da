import { describe, expect, it } from "vitest";
import { SLUG_MAX, slugify, slugSchema, withSuffix } from "./slug";

describe("slug rules", () => {
  it.each(["acme", "acme-inc", "a1b2c3", "x".repeat(SLUG_MAX)])("accepts %s", (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });

  it.each(["ab", "-acme", "acme-", "ac--me", "ac_me", "ac me", "x".repeat(SLUG_MAX + 1), "settings", "api", "new"])("rejects %s", (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(false);
  });

  it("normalises case and whitespace", () => {
    expect(slugSchema.parse("  Acme-Inc ")).toBe("acme-inc");
  });
});

describe("slugify", () => {
  it.each([
    ["Acme Inc.", "acme-inc"],
    ["Crème Brûlée Co", "creme-brulee-co"],
    ["  --Hello__World--  ", "hello-world"],
    ["Ödön's workspace", "odon-s-workspace"],
    ["X", "x-org"],
    ["日本", "org-org"],
    ["Settings", "settings-org"],
  ])("%s -> %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });

  it("leaves room for a suffix and stays valid", () => {
    const long = slugify("a very long organisation name ".repeat(5));
    const suffixed = withSuffix(long, "abc123");
    expect(suffixed.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slugSchema.safeParse(suffixed).success).toBe(true);
  });
});
