import type { Role } from "@/lib/db/generated/enums";
import { can, outranksOrEquals, ROLES } from "@/lib/auth/permissions";

// The membership rules in one place, shared by the service that enforces them and the
// members page that only offers what they allow.

/** Whether `actor` may change the role of, or remove, someone who holds `target`: owners outrank admins. */
export function canManageMember(actor: Role, target: Role): boolean {
  return can(actor, "members:manage") && outranksOrEquals(actor, target);
}

/** The roles `actor` may give someone: their own and those below it (so only owners make owners). */
export function grantableRoles(actor: Role): Role[] {
  return can(actor, "members:manage") ? ROLES.filter((role) => outranksOrEquals(actor, role)) : [];
}

/** Handing the org over is an owner's act; admins hold members:manage too, so no permission says it. */
export const canTransferOwnership = (actor: Role): boolean => actor === "owner";
