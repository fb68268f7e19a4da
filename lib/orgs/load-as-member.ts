import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/api/errors";
import type { Permission } from "@/lib/auth/permissions";
import { getPrincipal, redirectForSession, signInPath } from "@/lib/auth/session";
import { pool } from "@/lib/db/client";
import { sqlOnPool, type Sql } from "@/lib/db/sql";
import { scoped, scopedSql, type Tx } from "@/lib/db/tenant-transaction";
import { assertMay, enterAsMember, memberContext, type MemberEntry, type OrgContext } from "@/lib/orgs/context";

type OrgSession = MemberEntry & { ctx: OrgContext };

/**
 * The caller's membership of `slug`, resolved once per request and shared by the org layout
 * and its page (React `cache`): one statement that also brings the person and their org list.
 * It runs outside a transaction, so its role and scope end with it; pages then read their data
 * in one transaction scoped to the org it resolved. Null when nobody is signed in.
 */
const orgSession = cache(async (slug: string): Promise<OrgSession | null> => {
  const principal = await getPrincipal();
  if (!principal) return null;
  const entry = await enterAsMember(sqlOnPool(pool), principal, slug, {}, { withOrgs: true });
  return { ...entry, ctx: memberContext(entry, {}) };
});

/**
 * The org session for a server component: an org the caller does not belong to is a 404
 * (we do not confirm it exists); a missing or revoked session goes to sign-in, one that owes
 * its 2FA code to that step, and a member of an org that requires 2FA without it to its
 * setup, each coming back to `path`.
 */
export async function loadOrgSession(slug: string, path: string): Promise<OrgSession> {
  try {
    const session = await orgSession(slug);
    if (!session) redirect(signInPath(path));
    return session;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "two_factor_required") {
      redirect(`/account/security?required=${encodeURIComponent(slug)}&callbackUrl=${encodeURIComponent(path)}`);
    }
    redirectForSession(error, path);
    throw error;
  }
}

/** A page's data: `permission` checked against the shared org session, then one transaction scoped to the org. */
export async function loadAsMember<T>(
  slug: string,
  permission: Permission,
  path: string,
  fn: (ctx: OrgContext, tx: Tx) => Promise<T>,
): Promise<T> {
  const { ctx } = await loadOrgSession(slug, path);
  assertMay(ctx, permission);
  return scoped({ orgId: ctx.org.id, userId: ctx.actor.userId ?? undefined }, (tx) => fn(ctx, tx));
}

/**
 * loadAsMember for a page that reads with SQL only, on a transaction without Prisma (lib/db/sql.ts).
 * Its reads name no org: the transaction is scoped to the one the session resolved (`scopedOrgSql`).
 */
export async function loadSqlAsMember<T>(slug: string, permission: Permission, path: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const { ctx } = await loadOrgSession(slug, path);
  assertMay(ctx, permission);
  return scopedSql({ orgId: ctx.org.id, userId: ctx.actor.userId ?? undefined }, fn);
}
