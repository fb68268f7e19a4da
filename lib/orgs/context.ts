import type { ApiKeyRole, Role } from "@/lib/db/generated/enums";
import { sqlOf, type EntryCall, type Sql } from "@/lib/db/sql";
import { entered, enteredSql, readEntered, type Tx } from "@/lib/db/tenant-transaction";
import { AppError } from "@/lib/api/errors";
import { API_KEY_ACTS_AS, can, PAUSED_WHEN_READ_ONLY, type Permission } from "@/lib/auth/permissions";
import { billingPath } from "@/lib/billing/paths";
import { planOf, type PlanId } from "@/lib/billing/plans";
import type { Principal } from "@/lib/auth/principal";
import { assertApiCallQuota, assertPlanFeature } from "@/lib/billing/entitlements";
import type { OrgSummary } from "@/lib/orgs/service";
import { hashSecret, keyLabel, keyPrefix, secretMatches, type PresentedApiKey } from "@/lib/api-keys/format";
import { apiKeyRefused } from "@/lib/api-keys/refusal";
import { assertLiveSession, type SessionColumns, type SessionRequirements, type SessionUser } from "@/lib/auth/live-session";

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

/** A row of app_enter_as_member (migrations request_entry, live_session_entry). */
type MemberEntryRow = SessionColumns & {
  userName: string | null;
  email: string;
  image: string | null;
  twoFactorEnabled: boolean;
  role: Role | null;
  orgId: string | null;
  orgSlug: string | null;
  orgName: string | null;
  orgPersonal: boolean | null;
  requireTwoFactor: boolean | null;
  plan: string | null;
  billingGraceEndsAt: Date | null;
  readOnly: boolean | null;
  orgs: OrgSummary[] | null;
};

/** What entering as a member yields: the org context's parts, the person, and (when asked) their orgs. */
export type MemberEntry = {
  org: OrgContext["org"];
  role: Role;
  billing: NonNullable<OrgContext["billing"]>;
  user: SessionUser;
  orgs: OrgSummary[];
};

/** The statement that enters `slug` as `principal` (app_enter_as_member, migration live_session_entry). */
function memberEntryCall(principal: Principal, slug: string, withOrgs = false): EntryCall {
  return { fn: "app_enter_as_member", args: [principal.userId, principal.sessionId, principal.sessionVersion, slug, withOrgs] };
}

/** What app_enter_as_member answered, judged: the refusal, with its reason, or the entry. */
function memberEntryOf(row: MemberEntryRow | undefined, principal: Principal, needs: SessionRequirements): MemberEntry {
  assertLiveSession(row, principal, needs);
  if (!row || !row.role || !row.orgId || !row.orgSlug || row.orgName === null) {
    throw new AppError("not_found", "Organization not found.");
  }
  if (row.requireTwoFactor && !row.twoFactorEnabled) {
    throw new AppError("two_factor_required", `${row.orgName} requires two-factor authentication. Turn it on in your account's security settings to continue.`);
  }
  return {
    org: { id: row.orgId, slug: row.orgSlug, name: row.orgName, personal: Boolean(row.orgPersonal) },
    role: row.role,
    billing: { graceEndsAt: row.billingGraceEndsAt, readOnly: Boolean(row.readOnly), plan: planOf(row.plan ?? "").id },
    user: { id: principal.userId, name: row.userName, email: row.email, image: row.image },
    orgs: row.orgs ?? [],
  };
}

/**
 * Opens a request for a signed-in person in ONE statement (app_enter_as_member): drops to the
 * RLS-bound role, scopes to the person, and resolves their session and membership of `slug`.
 * Only for a live session of the token's version does it touch the session and, for a member
 * who meets the org's two-factor rule, scope to that org.
 * The session version and row come back in the same statement, which is what makes JWT
 * sessions revocable per device without a lookup of their own. Outside a transaction (the
 * dashboard's shared lookup) the role and scope end with the statement.
 */
export async function enterAsMember(
  sql: Sql,
  principal: Principal,
  slug: string,
  needs: SessionRequirements = {},
  { withOrgs = false } = {},
): Promise<MemberEntry> {
  const { fn, args } = memberEntryCall(principal, slug, withOrgs);
  const rows = await sql.call<MemberEntryRow>(fn, args);
  return memberEntryOf(rows[0], principal, needs);
}

/**
 * enterAsMember with the org list (the dashboard's shared lookup) and a read that needs nothing
 * from the entry, in one transaction sent as one message (readEntered): a server-rendered org
 * page's whole data in one round trip. The entry is judged first, so a refusal (sign-in, 404,
 * two-factor) wins over the read's outcome, which comes back settled; the read saw no tenant
 * rows unless the entry let the person in (migration live_session_entry).
 */
export async function enterAsMemberWithRead<T>(principal: Principal, slug: string, fn: (sql: Sql) => Promise<T>): Promise<{ entry: MemberEntry; read: PromiseSettledResult<T> }> {
  const { entered, read } = await readEntered<MemberEntryRow, T>(memberEntryCall(principal, slug, true), fn);
  return { entry: memberEntryOf(entered[0], principal, {}), read };
}

/** The audit actor and context of a person who entered as a member. */
export function memberContext(entry: MemberEntry, request: RequestMeta): OrgContext {
  return { org: entry.org, role: entry.role, billing: entry.billing, actor: { type: "user", userId: entry.user.id, label: entry.user.email }, request };
}

/** A row of app_enter_with_api_key (migration request_entry). */
type ApiKeyRow = {
  keyId: string;
  keyName: string;
  keyRole: ApiKeyRole;
  prefix: string;
  last4: string;
  secretHash: string;
  usable: boolean;
  orgId: string | null;
  orgSlug: string | null;
  orgName: string | null;
  orgPersonal: boolean | null;
  plan: string | null;
  seatsPurchased: number | null;
  billingGraceEndsAt: Date | null;
  readOnly: boolean | null;
  /** A bigint: a string from pg, a BigInt through Prisma. */
  apiCallsThisMonth: bigint | string;
};

// Compared against when no key has the presented id, so an unknown id costs the same work as a wrong secret.
const NO_KEY_HASH = hashSecret("no key has this id");

/**
 * The API-key twin of enterAsMember, also one statement (app_enter_with_api_key): the key,
 * its org when that is the URL's org, the RLS scope, the month's metered calls, and a
 * last-used time recorded at most once a minute. Any refusal below throws, which rolls the
 * transaction back, so a refused request leaves `lastUsedAt` as it was. The secret is
 * checked here, in constant time, rather than in SQL.
 */
async function enterWithApiKey(sql: Sql, key: PresentedApiKey, slug: string, request: RequestMeta): Promise<OrgContext> {
  const rows = await sql.call<ApiKeyRow>("app_enter_with_api_key", [key.publicId, slug]);
  const row = rows[0];
  const matches = secretMatches(key.secret, row?.secretHash ?? NO_KEY_HASH);
  if (!row || !matches || !row.usable || row.prefix !== keyPrefix(key.environment, key.publicId)) throw apiKeyRefused();
  if (!row.orgId || !row.orgSlug || row.orgName === null || row.plan === null) throw new AppError("not_found", "Organization not found.");
  const plan = { plan: row.plan, seatsPurchased: row.seatsPurchased };
  assertPlanFeature(plan, row.orgSlug, "apiAccess");
  assertApiCallQuota(plan, row.orgSlug, Number(row.apiCallsThisMonth));
  return {
    org: { id: row.orgId, slug: row.orgSlug, name: row.orgName, personal: Boolean(row.orgPersonal) },
    role: API_KEY_ACTS_AS[row.keyRole],
    billing: { graceEndsAt: row.billingGraceEndsAt, readOnly: Boolean(row.readOnly), plan: planOf(row.plan).id },
    actor: { type: "api_key", userId: null, keyId: row.keyId, label: keyLabel({ name: row.keyName, prefix: row.prefix, last4: row.last4 }) },
    request,
  };
}

/** Who a tenant route is serving: a signed-in person, or an org's API key. */
export type Caller = Principal | PresentedApiKey;

export const isApiKey = (caller: Caller): caller is PresentedApiKey => "publicId" in caller;

/** The caller's context in `slug`, entered on the transaction's first statement, with the route's permission checked. */
async function enter(sql: Sql, caller: Caller, slug: string, permission: Permission, request: RequestMeta, needs: SessionRequirements): Promise<OrgContext> {
  const ctx = isApiKey(caller) ? await enterWithApiKey(sql, caller, slug, request) : memberContext(await enterAsMember(sql, caller, slug, needs), request);
  assertMay(ctx, permission);
  return ctx;
}

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
  return entered(async (tx) => fn(await enter(sqlOf(tx), caller, slug, permission, request, needs), tx));
}

/**
 * runAsMember for a handler that reads with SQL only (lib/db/sql.ts) and needs nothing from the
 * context to do it: its statements name no org (`scopedOrgSql`). `admit` runs once the caller
 * has been checked (withOrg's rate limits) and may refuse it too.
 *
 * A signed-in person's entry travels in one message with the read (readAfterEntry): the whole
 * request is one round trip. The read has run by the time the entry is judged; a refused caller
 * gets the refusal and nothing of the read, which saw no tenant rows unless the entry found a
 * live session and a membership (migration live_session_entry). An API key's entry still goes
 * first, on its own: its secret is compared here, after the entry, and a refused key must leave
 * its last-used time as it was, so it has to be refused before anything commits.
 */
export async function runSqlAsMember<T>(
  caller: Caller,
  slug: string,
  permission: Permission,
  fn: (sql: Sql) => Promise<T>,
  admit: (ctx: OrgContext) => Promise<void>,
  request: RequestMeta = {},
  needs: SessionRequirements = {},
): Promise<{ ctx: OrgContext; result: T }> {
  if (isApiKey(caller)) {
    return enteredSql(async (sql) => {
      const ctx = await enter(sql, caller, slug, permission, request, needs);
      await admit(ctx);
      return { ctx, result: await fn(sql) };
    });
  }
  const { entered, read } = await readEntered<MemberEntryRow, T>(memberEntryCall(caller, slug), fn);
  const ctx = memberContext(memberEntryOf(entered[0], caller, needs), request);
  assertMay(ctx, permission);
  await admit(ctx);
  if (read.status === "rejected") throw read.reason;
  return { ctx, result: read.value };
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
