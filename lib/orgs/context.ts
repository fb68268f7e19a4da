import type { ApiKeyRole, Role } from "@/lib/db/generated/enums";
import { scoped, type Tx } from "@/lib/db/tenant-transaction";
import { AppError } from "@/lib/api/errors";
import { API_KEY_ACTS_AS, can, PAUSED_WHEN_READ_ONLY, type Permission } from "@/lib/auth/permissions";
import { billingPath } from "@/lib/billing/paths";
import { planOf, type PlanId } from "@/lib/billing/plans";
import type { Principal } from "@/lib/auth/principal";
import { assertApiCallQuota, assertPlanFeature } from "@/lib/billing/entitlements";
import { hashSecret, keyLabel, keyPrefix, secretMatches, type PresentedApiKey } from "@/lib/api-keys/format";
import { apiKeyRefused } from "@/lib/api-keys/refusal";
import { assertLiveSession, sessionColumns, sessionJoin, touchSession, type SessionColumns, type SessionRequirements } from "@/lib/auth/live-session";

/** Everything a service knows about the caller. Services never see requests or cookies. */
export type OrgContext = {
  org: { id: string; slug: string; name: string; personal: boolean };
  role: Role;
  /**
   * Dunning (lib/billing/dunning.ts): `graceEndsAt` is set while a payment is overdue, and
   * once it has passed the org is `readOnly`. Resolved by runAsMember; contexts built for one
   * allowed action (creating an org, accepting an invitation, leaving) have none. `plan` is the
   * org's plan, read in the same query (withOrg's rate limits are decided with it).
   */
  billing?: { graceEndsAt: Date | null; readOnly: boolean; plan: PlanId };
  /**
   * `label` is what the audit log shows for the actor: the user's email, or an API key's
   * name and prefix. A key acts for the org, not for a person, so it has no user id.
   */
  actor: { type: "user"; userId: string; label: string } | { type: "api_key"; userId: null; keyId: string; label: string };
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
  plan: string | null;
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
           m.role, o.id, o.slug, o.name, o.personal, o."requireTwoFactor", o.plan,
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
    billing: { graceEndsAt: row.billingGraceEndsAt, readOnly: Boolean(row.readOnly), plan: planOf(row.plan ?? "").id },
    session,
  };
}

type ApiKeyRow = {
  keyId: string;
  keyName: string;
  keyRole: ApiKeyRole;
  prefix: string;
  last4: string;
  secretHash: string;
  usable: boolean;
  id: string | null;
  slug: string | null;
  name: string | null;
  personal: boolean | null;
  plan: string | null;
  seatsPurchased: number | null;
  billingGraceEndsAt: Date | null;
  readOnly: boolean | null;
};

// Compared against when no key has the presented id, so an unknown id costs the same work as a wrong secret.
const NO_KEY_HASH = hashSecret("no key has this id");

/**
 * The API-key twin of resolveMembership, also one round trip: the key (readable by its public
 * id before the org is known, see the api_keys migration), its org when that is the URL's org,
 * the RLS scope, and a last-used time recorded at most once a minute. Any refusal below throws,
 * which rolls the transaction back, so a refused request leaves `lastUsedAt` as it was.
 * The secret is checked here, in constant time, rather than in SQL.
 */
async function resolveApiKey(tx: Tx, key: PresentedApiKey, slug: string, request: RequestMeta): Promise<OrgContext> {
  const rows = await tx.$queryRaw<ApiKeyRow[]>`
    with touched as (
      update api_keys set "lastUsedAt" = now()
      where "publicId" = ${key.publicId} and ("lastUsedAt" is null or "lastUsedAt" < now() - interval '1 minute')
      returning id)
    select k.id as "keyId", k.name as "keyName", k.role as "keyRole", k.prefix, k.last4, k."secretHash",
           k."revokedAt" is null and (k."expiresAt" is null or k."expiresAt" > now()) as usable,
           o.id, o.slug, o.name, o.personal, o.plan, o."seatsPurchased",
           o."billingGraceEndsAt", o."billingGraceEndsAt" <= now() as "readOnly",
           set_config('app.org_id', coalesce(o.id, ''), true) as scoped
    from api_keys k
    left join organizations o on o.id = k."orgId" and o.slug = ${slug}
    where k."publicId" = ${key.publicId}`;
  const row = rows[0];
  const matches = secretMatches(key.secret, row?.secretHash ?? NO_KEY_HASH);
  if (!row || !matches || !row.usable || row.prefix !== keyPrefix(key.environment, key.publicId)) throw apiKeyRefused();
  if (!row.id || !row.slug || row.name === null || row.plan === null) throw new AppError("not_found", "Organization not found.");
  const plan = { plan: row.plan, seatsPurchased: row.seatsPurchased };
  assertPlanFeature(plan, row.slug, "apiAccess");
  await assertApiCallQuota(tx, plan, row.id, row.slug);
  return {
    org: { id: row.id, slug: row.slug, name: row.name, personal: Boolean(row.personal) },
    role: API_KEY_ACTS_AS[row.keyRole],
    billing: { graceEndsAt: row.billingGraceEndsAt, readOnly: Boolean(row.readOnly), plan: planOf(row.plan).id },
    actor: { type: "api_key", userId: null, keyId: row.keyId, label: keyLabel({ name: row.keyName, prefix: row.prefix, last4: row.last4 }) },
    request,
  };
}

/** Who a tenant route is serving: a signed-in person, or an org's API key. */
export type Caller = Principal | PresentedApiKey;

export const isApiKey = (caller: Caller): caller is PresentedApiKey => "publicId" in caller;

/**
 * The one path into tenant data, for route handlers (through withOrg) and server
 * components alike: one transaction, RLS-scoped to the org, permission checked.
 * API keys (withOrg only) take the same path with their own resolving query.
 */
export async function runAsMember<T>(
  caller: Caller,
  slug: string,
  permission: Permission,
  fn: (ctx: OrgContext, tx: Tx) => Promise<T>,
  request: RequestMeta = {},
  needs: SessionRequirements = {},
): Promise<T> {
  if (isApiKey(caller)) {
    return scoped({ apiKeyId: caller.publicId }, async (tx) => {
      const ctx = await resolveApiKey(tx, caller, slug, request);
      assertMay(ctx, permission);
      return fn(ctx, tx);
    });
  }
  const principal = caller;
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

/** Refuses (402) a write that is not one of the route permissions PAUSED_WHEN_READ_ONLY names. */
export function assertWritable(ctx: OrgContext): void {
  if (ctx.billing?.readOnly) throw readOnlyError(ctx.org, ctx.role);
}

/**
 * The person behind the request, for actions only people take (inviting, transferring
 * ownership, deleting the org). Keys never hold those permissions (lib/auth/permissions.ts);
 * this makes the same rule hold for the types.
 */
export function personActing(ctx: OrgContext): { userId: string; label: string } {
  if (ctx.actor.type !== "user") throw new AppError("forbidden", "API keys cannot do this; sign in to the dashboard instead.");
  return { userId: ctx.actor.userId, label: ctx.actor.label };
}

function readOnlyError(org: OrgContext["org"], role: Role): AppError {
  const remedy = can(role, "billing:manage")
    ? `Pay the open invoice or update the payment method on the billing page (${billingPath(org.slug)}); writes resume as soon as Stripe confirms the payment.`
    : "Ask an owner or admin to update the payment method; writes resume as soon as the payment goes through.";
  return new AppError("billing_read_only", `${org.name} is read-only because a payment is overdue. ${remedy}`, {
    extensions: { billingUrl: billingPath(org.slug) },
  });
}
