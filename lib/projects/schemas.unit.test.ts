import { describe, expect, it } from "vitest";
import { projectCreateSchema, projectListQuerySchema, projectUpdateSchema } from "./schemas";

describe("project input schemas", () => {
  it("fills defaults and trims", () => {
    expect(projectCreateSchema.parse({ name: "  Apollo " })).toEqual({ name: "Apollo", description: "", status: "active" });
  });

  it("rejects empty, long and unknown-status input", () => {
    expect(projectCreateSchema.safeParse({ name: "   " }).success).toBe(false);
    expect(projectCreateSchema.safeParse({ name: "x".repeat(101) }).success).toBe(false);
    expect(projectCreateSchema.safeParse({ name: "ok", description: "x".repeat(2001) }).success).toBe(false);
    expect(projectCreateSchema.safeParse({ name: "ok", status: "deleted" }).success).toBe(false);
  });

  it("requires at least one field to update", () => {
    expect(projectUpdateSchema.safeParse({}).success).toBe(false);
    expect(projectUpdateSchema.parse({ status: "archived" })).toEqual({ status: "archived" });
  });

  it("coerces and bounds list queries", () => {
    expect(projectListQuerySchema.parse({ limit: "5", q: "" })).toEqual({ limit: 5, q: undefined });
    expect(projectListQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(projectListQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
  });
});
