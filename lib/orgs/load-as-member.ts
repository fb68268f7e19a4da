import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/api/errors";
import type { Permission } from "@/lib/auth/permissions";
import { getPrincipal, redirectForSession, signInPath } from "@/lib/auth/session";
import { pool } from "@/lib/db/client";
import { sqlOnPool, type Sql } from "@/lib/db/sql";
import { scoped, scopedSql, type Tx } from "@/lib/db/tenant-transaction";
import { assertMay, enterAsMember, enterAsMemberWithRead, memberContext, type MemberEntry, type OrgContext } from "@/lib/orgs/context";

type OrgSession = MemberEntry & { ctx: OrgContext };

/** A page's SQL read, handed to the org's lookup before it is sent (`loadSqlAsMember`). */
type PageRead = (sql: Sql) => Promise<unknown>;

type OrgLookup = {
  /** The caller's membership and org list; null when nobody is signed in. */
  session: Promise<OrgSession | null>;
  /** The outcome of the read that joined the lookup's message, settled once the entry has been judged. */
  read: Promise<PromiseSettledResult<unknown> | undefined>;
  /** Hands the page's read to the lookup; false once the lookup has been sent (or holds a read already). */
  join: (read: PageRead) => boolean;
};

// The org layout and its page render side by side, each asking for the lookup: it waits one
// turn of the event loop after reading the session cookie, by which time the page has offered
// its read, so that both go to the database in one message.
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The caller's membership of `slug`, resolved once per request and shared by the org layout
 * and its page (React `cache`): one statement that also brings the person and their org list.
 * A page that reads with SQL only sends its read in the same message and transaction
 * (`enterAsMemberWithRead`); otherwise the lookup runs alone, outside a transaction, so its
 * role and scope end with it, and the page reads in a transaction of its own.
 */
const orgLookup = cache((slug: string): OrgLookup => {
  let pageRead: PageRead | undefined;
  let sent = false;
  const entered = (async () => {
    const principal = await getPrincipal();
    if (principal) await nextTurn();
    sent = true;
    if (!principal) return null;
    if (!pageRead) return { entry: await enterAsMember(sqlOnPool(pool), principal, slug, {}, { withOrgs: true }), read: undefined };
    return enterAsMemberWithRead(principal, slug, pageRead);
  })();
  const session = entered.then((result) => result && { ...result.entry, ctx: memberContext(result.entry, {}) });
  return {
    session,
    read: entered.then((result) => result?.read, () => undefined),
    join: (read) => {
      if (sent || pageRead) return false;
      pageRead = read;
      return true;
    },
  };
});

/**
 * The org session for a server component: an org the caller does not belong to is a 404
 * (we do not confirm it exists); a missing or revoked session goes to sign-in, one that owes
 * its 2FA code to that step, and a member of an org that requires 2FA without it to its
 * setup, each coming back to `path`.
 */
export async function loadOrgSession(slug: string, path: string): Promise<OrgSession> {
  try {
    const session = await orgLookup(slug).session;
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
 * loadAsMember for a page that reads with SQL only, without Prisma (lib/db/sql.ts). Its reads
 * name no org: the transaction is scoped to the one the session resolved (`scopedOrgSql`).
 * The read goes in the shared lookup's message when it is offered in time (the first such read
 * of the request), else in a transaction of its own. Either way the session and `permission`
 * are checked before its outcome is looked at.
 */
export async function loadSqlAsMember<T>(slug: string, permission: Permission, path: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const lookup = orgLookup(slug);
  const joined = lookup.join(fn);
  const { ctx } = await loadOrgSession(slug, path);
  assertMay(ctx, permission);
  const read = joined ? await lookup.read : undefined;
  if (!read) return scopedSql({ orgId: ctx.org.id, userId: ctx.actor.userId ?? undefined }, fn);
  if (read.status === "rejected") throw read.reason;
  return read.value as T;
}
