import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import { afterCursor, keysetOrder, toPage, type Page, type PageQuery } from "@/lib/db/keyset-page";
import { asUser, setOrgScope, type Tx } from "@/lib/db/tenant-transaction";
import { recordPlatformEvent } from "@/lib/platform/events";
import { AppError } from "@/lib/api/errors";
import { diff, recordAudit } from "@/lib/audit/record";
import { assertFeature } from "@/lib/billing/entitlements";
import { rateLimit, rateLimitHeaders } from "@/lib/rate-limit";
import { assertMay, personActing, type OrgContext, type RequestMeta } from "./context";
import type { OrgCreateInput, OrgSummary, OrgUpdateInput } from "./schemas";
import { slugify, withSuffix } from "./slug";

export type { OrgSummary } from "./schemas";

export async function listOrgsForUser(userId: string): Promise<OrgSummary[]> {
  return asUser(userId, async (tx) => {
    const rows = await tx.membership.findMany({
      where: { userId },
      select: { role: true, org: { select: { id: true, slug: true, name: true, personal: true } } },
      orderBy: [{ org: { personal: "desc" } }, { org: { name: "asc" } }],
    });
    return rows.map((r) => ({ ...r.org, role: r.role }));
  });
}

/**
 * The API's list of the user's orgs, a page at a time in the order they joined them. The
 * dashboard's switcher reads all of them at once, sorted by name (listOrgsForUser).
 */
export async function pageOrgsForUser(userId: string, page: PageQuery): Promise<Page<OrgSummary>> {
  return asUser(userId, async (tx) => {
    const rows = await tx.membership.findMany({
      where: { userId, ...afterCursor(page.cursor, "asc") },
      select: { id: true, createdAt: true, role: true, org: { select: { id: true, slug: true, name: true, personal: true } } },
      orderBy: keysetOrder("asc"),
      take: page.limit + 1,
    });
    return toPage(rows, page.limit, (r) => ({ ...r.org, role: r.role }));
  });
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** A slug nobody holds: the name's slug, else the same with a short random suffix. */
async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  for (const candidate of [base, ...Array.from({ length: 5 }, () => withSuffix(base, randomBytes(3).toString("hex")))]) {
    const taken = await tx.organization.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  throw new AppError("conflict", "Could not find a free URL for this organization; choose one.");
}

export type Creator = { userId: string; label: string };

/** Creates an org with `creator` as its owner, inside the caller's transaction. */
export async function createOrgInTx(tx: Tx, creator: Creator, input: OrgCreateInput, personal = false, request: RequestMeta = {}): Promise<OrgSummary> {
  const slug = input.slug ?? (await freeSlug(tx, input.name));
  const org = await tx.organization.create({ data: { name: input.name, slug, personal } }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw new AppError("conflict", `The URL "${slug}" is taken. Choose another.`, { errors: [{ path: "slug", message: "is taken" }] });
    throw e;
  });
  await setOrgScope(tx, org.id);
  await tx.membership.create({ data: { orgId: org.id, userId: creator.userId, role: "owner" } });
  const summary = { id: org.id, slug: org.slug, name: org.name, personal: org.personal, role: "owner" as const };
  const ctx: OrgContext = { org: summary, role: "owner", actor: { type: "user", ...creator }, request };
  await recordAudit(ctx, tx, { action: "org.created", target: { type: "org", id: org.id, label: org.name }, changes: { after: { name: org.name, slug } } });
  return summary;
}

/** A signed-in user creates an org they own, in their user-scoped transaction (the API route's). */
export async function createOrgAsUser(tx: Tx, userId: string, input: OrgCreateInput, request: RequestMeta = {}): Promise<OrgSummary> {
  const limit = await rateLimit("org:create", userId);
  if (!limit.success) {
    throw new AppError("rate_limited", "You have created several organizations in the last hour. Wait a while before creating another.", {
      headers: rateLimitHeaders(limit),
    });
  }
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  return createOrgInTx(tx, { userId, label: user.email }, input, false, request);
}

/** The same in a transaction of its own, for scripts and tests. */
export const createOrg = (userId: string, input: OrgCreateInput, request: RequestMeta = {}): Promise<OrgSummary> =>
  asUser(userId, (tx) => createOrgAsUser(tx, userId, input, request));

const orgColumns = { id: true, slug: true, name: true, personal: true, requireTwoFactor: true } as const;

/** Only owners set security policy; requiring 2FA starts with the owner's own. */
async function assertMayRequireTwoFactor(ctx: OrgContext, tx: Tx, requireTwoFactor: boolean | undefined): Promise<void> {
  if (requireTwoFactor === undefined) return;
  assertMay(ctx, "org:security", "Only owners can change the organization's security policy.");
  if (!requireTwoFactor) return;
  // Switching it on needs the plan; turning it off, or saving it unchanged, never does, so a downgraded org is not stuck.
  const current = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { requireTwoFactor: true } });
  if (!current.requireTwoFactor) await assertFeature(ctx, tx, "requireTwoFactor");
  const me = await tx.user.findUniqueOrThrow({ where: { id: personActing(ctx).userId }, select: { twoFactorEnabledAt: true } });
  if (!me.twoFactorEnabledAt) {
    throw new AppError("conflict", "Turn on two-factor authentication for your own account first, so you are not locked out.", {
      errors: [{ path: "requireTwoFactor", message: "needs two-factor authentication on your own account" }],
    });
  }
}

export async function updateOrg(ctx: OrgContext, tx: Tx, input: OrgUpdateInput) {
  await assertMayRequireTwoFactor(ctx, tx, input.requireTwoFactor);
  try {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { requireTwoFactor: true } });
    const org = await tx.organization.update({
      where: { id: ctx.org.id },
      data: { name: input.name, slug: input.slug, requireTwoFactor: input.requireTwoFactor },
      select: orgColumns,
    });
    const changes = diff({ name: ctx.org.name, slug: ctx.org.slug, requireTwoFactor: before.requireTwoFactor }, input);
    if (changes) await recordAudit(ctx, tx, { action: "org.updated", target: { type: "org", id: org.id, label: org.name }, changes });
    return { ...org, role: ctx.role };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", `The URL "${input.slug}" is taken. Choose another.`, { errors: [{ path: "slug", message: "is taken" }] });
    throw e;
  }
}

/** The org's audit log goes with it (cascade): deletion is final, and logged outside the org. */
export async function deleteOrg(ctx: OrgContext, tx: Tx): Promise<void> {
  await tx.organization.delete({ where: { id: ctx.org.id } });
  await recordPlatformEvent(tx, {
    type: "org.deleted",
    actor: { id: personActing(ctx).userId, label: ctx.actor.label },
    target: { id: ctx.org.id, label: `${ctx.org.name} (${ctx.org.slug})` },
    ip: ctx.request.ip,
  });
}

export async function getOrg(ctx: OrgContext, tx: Tx) {
  return { ...(await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: orgColumns })), role: ctx.role };
}

/**
 * The org as GET answers it, its row locked until the transaction ends: what an If-Match
 * on a write is checked against. `no key update` is the lock member changes take too
 * (lib/members/service.ts), so it queues behind them and blocks no membership insert.
 */
export async function lockOrg(ctx: OrgContext, tx: Tx) {
  await tx.$queryRaw`select 1 from organizations where id = ${ctx.org.id} for no key update`;
  return getOrg(ctx, tx);
}
