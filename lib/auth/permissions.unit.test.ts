import { describe, expect, it } from "vitest";
import { API_KEY_ACTS_AS, can, outranksOrEquals, PERMISSIONS, permissionsOf } from "./permissions";

describe("permissions table", () => {
  it("gives owners everything", () => {
    expect(permissionsOf("owner")).toEqual([...PERMISSIONS]);
  });

  it("gives admins everything but deleting the org", () => {
    expect(can("admin", "org:delete")).toBe(false);
    expect(can("admin", "members:manage")).toBe(true);
    expect(can("admin", "org:update")).toBe(true);
    expect(can("admin", "audit:read")).toBe(true);
  });

  it("lets owners and admins manage billing, and nobody else", () => {
    expect(can("owner", "billing:manage")).toBe(true);
    expect(can("admin", "billing:manage")).toBe(true);
    expect(can("member", "billing:manage")).toBe(false);
    expect(can("viewer", "billing:manage")).toBe(false);
  });

  it("lets members write projects but not manage the org or its people", () => {
    expect(permissionsOf("member")).toEqual(["org:read", "members:read", "projects:read", "projects:write"]);
  });

  it("keeps the audit log to owners and admins", () => {
    expect(can("member", "audit:read")).toBe(false);
    expect(can("viewer", "audit:read")).toBe(false);
  });

  it("lets viewers read only", () => {
    expect(permissionsOf("viewer").every((p) => p.endsWith(":read"))).toBe(true);
    expect(can("viewer", "projects:write")).toBe(false);
  });

  it("ranks roles owner > admin > member > viewer", () => {
    expect(outranksOrEquals("owner", "admin")).toBe(true);
    expect(outranksOrEquals("admin", "owner")).toBe(false);
    expect(outranksOrEquals("member", "member")).toBe(true);
    expect(outranksOrEquals("viewer", "member")).toBe(false);
  });

  it("gives API keys at most a member's reach, and never key, member, billing or org administration", () => {
    expect(permissionsOf(API_KEY_ACTS_AS.read_only)).toEqual(["org:read", "members:read", "projects:read"]);
    expect(permissionsOf(API_KEY_ACTS_AS.read_write)).toEqual(["org:read", "members:read", "projects:read", "projects:write"]);
    for (const role of Object.values(API_KEY_ACTS_AS)) {
      for (const p of ["api_keys:manage", "webhooks:manage", "members:manage", "billing:manage", "org:update", "org:delete", "org:security", "audit:read"] as const) expect(can(role, p)).toBe(false);
    }
  });

  it("lets owners and admins manage API keys", () => {
    expect(can("owner", "api_keys:manage")).toBe(true);
    expect(can("admin", "api_keys:manage")).toBe(true);
    expect(can("member", "api_keys:manage")).toBe(false);
  });
});
