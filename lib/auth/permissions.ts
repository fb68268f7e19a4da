import type { ApiKeyRole, Role } from "@/lib/db/generated/enums";

/**
 * The one place that says who may do what. Code checks permissions, never roles,
 * so adding a role or moving a capability is a one-line change here.
 */
export const PERMISSIONS = [
  "org:read",
  "org:update",
  "org:delete",
  /** Org-wide security policy, such as requiring two-factor sign-in. */
  "org:security",
  "members:read",
  "members:manage",
  "projects:read",
  "projects:write",
  "audit:read",
  /** Change the plan, buy seats, open the billing portal. */
  "billing:manage",
  /** Create, list and revoke the org's API keys. */
  "api_keys:manage",
  /** Register webhook endpoints, read their delivery logs, replay deliveries. */
  "webhooks:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * What an org whose payment is overdue past its grace period may no longer do (lib/billing/dunning.ts).
 * Reads stay open, and so do paying (billing:manage) and deleting the org: nobody is held
 * hostage to their own data.
 */
export const PAUSED_WHEN_READ_ONLY: ReadonlySet<Permission> = new Set<Permission>(["org:update", "org:security", "members:manage", "projects:write"]);

const read: Permission[] = ["org:read", "members:read", "projects:read"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSIONS),
  admin: new Set(PERMISSIONS.filter((p) => p !== "org:delete" && p !== "org:security")),
  member: new Set([...read, "projects:write"]),
  viewer: new Set(read),
};

/**
 * What an API key may do, as the member role it acts as: a key never holds more than a
 * member does. Read-only keys read what viewers read; read-write keys also write projects.
 * No key manages members, billing, API keys or the org itself: those stay with people, who
 * sign in (and re-authenticate for destructive actions).
 */
export const API_KEY_ACTS_AS: Record<ApiKeyRole, Role> = { read_only: "viewer", read_write: "member" };

/** Highest first: an actor can only grant or revoke roles at or below their own. */
export const ROLES: readonly Role[] = ["owner", "admin", "member", "viewer"];

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => can(role, p));
}

export function outranksOrEquals(actor: Role, target: Role): boolean {
  return ROLES.indexOf(actor) <= ROLES.indexOf(target);
}
