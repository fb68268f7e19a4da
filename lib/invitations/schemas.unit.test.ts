import { describe, expect, it } from "vitest";
import { invitationAcceptSchema, invitationCreateSchema } from "./schemas";

describe("invitation input schemas", () => {
  it("trims and lowercases every address", () => {
    expect(invitationCreateSchema.parse({ emails: [" Ada@Example.COM "], role: "admin" })).toEqual({ emails: ["ada@example.com"], role: "admin" });
  });

  it("points at the address that is not valid", () => {
    const result = invitationCreateSchema.safeParse({ emails: ["a@example.com", "nope"], role: "member" });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["emails", 1]]);
  });

  it("takes one to twenty addresses and a known role", () => {
    const emails = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com`);
    expect(invitationCreateSchema.safeParse({ emails: [], role: "member" }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ emails: emails(20), role: "member" }).success).toBe(true);
    expect(invitationCreateSchema.safeParse({ emails: emails(21), role: "member" }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ emails: emails(1), role: "superuser" }).success).toBe(false);
  });

  it("accepts only tokens shaped like the ones we issue", () => {
    expect(invitationAcceptSchema.safeParse({ token: "A".repeat(43) }).success).toBe(true);
    expect(invitationAcceptSchema.safeParse({ token: "A".repeat(42) }).success).toBe(false);
    expect(invitationAcceptSchema.safeParse({ token: `${"A".repeat(42)}=` }).success).toBe(false);
  });
});
