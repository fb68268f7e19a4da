import type { Role } from "@/lib/db/generated/enums";
import { scoped, type Tx } from "@/lib/db/tenant-transaction";
import { AppError } from "@/lib/api/errors";
import { can, PAUSED_WHEN_READ_ONLY, type Permission } from "@/lib/auth/permissions";
import { billingPath } from "@/lib/billing/paths";
import type { Principal } from "@/lib/auth/principal";
import { assertLiveSession, sessionColumns, sessionJoin, touchSession, type SessionColumns, type SessionRequirements } from "@/lib/auth/live-session";

/** Everything a service knows about the caller. Services never see requests or cookies. */
export type OrgContext = {
  org: { id: string; slug: string; name: string; personal: boolean };
  role: Role;
  /**
   * Dunning (lib/billing/dunning.ts): `graceEndsAt` is set while a payment is overdue, and
   * once it has passed the org is `readOnly`. Resolved by runAsMember; contexts built for one
   * allowed action (creating an org, accepting an invitation, leaving) have none.
   */
  billing?: { graceEndsAt: Date | null; readOnly: boolean };
  /** `label` is what the audit log shows for the actor (the user's email). */
  actor: { type: "user"; userId: string; label: string };
  request: RequestMeta;
};

/** Where a change came from, for the audit log. Empty for server-rendered reads. */
export type RequestMeta = { requestId?: string; ip?: string; userAgent?: string };

type MembershipRow = SessionColumns & {
  email: string;
  twoFactorEnabled: boolean;
  role: Role | null;
  id: string | null;
  slug: string | null;
  name: string | null;
  personal: boolean | null;
  requireTwoFactor: boolean | null;
  billingGraceEndsAt: Date | null;
  readOnly: boolean | null;
};

/**
 * Resolves the caller's session and membership of `slug` and scopes the transaction to
 * that org in the same round trip: `set_config` runs only for the one matching row, so a
 * caller who is not a member leaves the transaction scoped to no org at all. The session
 * row and version come back in the same query, which is what makes JWT sessions revocable
 * per device without a lookup of their own.
 */
async function resolveMembership(tx: Tx, principal: Principal, slug: string, needs: SessionRequirements) {
  const rows = await tx.$queryRaw<MembershipRow[]>`
    ${touchSession(principal)}
    select ${sessionColumns}, u.email, u."twoFactorEnabledAt" is not null as "twoFactorEnabled",
           m.role, o.id, o.slug, o.name, o.personal, o."requireTwoFactor",
           o."billingGraceEndsAt", o."billingGraceEndsAt" <= now() as "readOnly",
           set_config('app.org_id', coalesce(o.id, ''), true) as scoped
    from users u
    ${sessionJoin(principal)}
    left join (memberships m join organizations o on o.id = m."orgId" and o.slug = ${slug})
      on m."userId" = u.id
    where u.id = ${principal.userId}`;
  const row = rows[0];
  const session = assertLiveSession(row, principal, needs);
  if (!row || !row.role || !row.id || !row.slug || row.name === null) {
    throw new AppError("not_found", "Organization not found.");
  }
  if (row.requireTwoFactor && !row.twoFactorEnabled) {
    throw new AppError("two_factor_required", `${row.name} requires two-factor authentication. Turn it on in your account's security settings to continue.`);
  }
  return {
    org: { id: row.id, slug: row.slug, name: row.name, personal: Boolean(row.personal) },
    role: row.role,
    email: row.email,
    billing: { graceEndsAt: row.billingGraceEndsAt, readOnly: Boolean(row.readOnly) },
    session,
  };
}

/**
 * The one path into tenant data, for route handlers (through withOrg) and server
 * components alike: one transaction, RLS-scoped to the org, permission checked.
 */
export async function runAsMember<T>(
  principal: Principal,
  slug: string,
  permission: Permission,
  fn: (ctx: OrgContext, tx: Tx) => Promise<T>,
  request: RequestMeta = {},
  needs: SessionRequirements = {},
): Promise<T> {
  return scoped({ userId: principal.userId }, async (tx) => {
    const { org, role, email, billing } = await resolveMembership(tx, principal, slug, needs);
    const ctx: OrgContext = { org, role, billing, actor: { type: "user", userId: principal.userId, label: email }, request };
    assertMay(ctx, permission);
    return fn(ctx, tx);
  });
}

/**
 * Refuses what the caller's role does not allow (403), and writes paused while the org is
 * read-only for an overdue payment (402). runAsMember checks the route's permission with it;
 * services call it for a permission that depends on the input (removing someone else).
 */
export function assertMay(ctx: OrgContext, permission: Permission, forbidden = `Your role (${ctx.role}) does not allow this action.`): void {
  if (!can(ctx.role, permission)) throw new AppError("forbidden", forbidden);
  if (ctx.billing?.readOnly && PAUSED_WHEN_READ_ONLY.has(permission)) throw readOnlyError(ctx.org, ctx.role);
}

function readOnlyError(org: OrgContext["org"], role: Role): AppError {
  const remedy = can(role, "billing:manage")
    ? `Pay the open invoice or update the payment method on the billing page (${billingPath(org.slug)}); writes resume as soon as Stripe confirms the payment.`
    : "Ask an owner or admin to update the payment method; writes resume as soon as the payment goes through.";
  return new AppError("billing_read_only", `${org.name} is read-only because a payment is overdue. ${remedy}`, {
    extensions: { billingUrl: billingPath(org.slug) },
  });
}
