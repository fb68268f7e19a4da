import { notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { assertFeature } from "@/lib/billing/entitlements";
import type { Prisma } from "@/lib/db/generated/client";
import { afterCursor, keysetOrder, toPage, type Page, type PageQuery } from "@/lib/db/keyset-page";
import type { Tx } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import { assertWritable, personActing, type OrgContext } from "@/lib/orgs/context";
import { generateApiKey, keyEnvironment, keyLabel } from "./format";
import type { ApiKeyCreateInput, ApiKeyDto, CreatedApiKeyDto } from "./schemas";

const select = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  last4: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdBy: { select: { email: true } },
} satisfies Prisma.ApiKeySelect;

type Row = Prisma.ApiKeyGetPayload<{ select: typeof select }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toDto(row: Row): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    last4: row.last4,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy?.email ?? null,
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}

/** Newest first, revoked ones included: they still explain entries in the audit log. */
export async function listApiKeys(ctx: OrgContext, tx: Tx, page: PageQuery): Promise<Page<ApiKeyDto>> {
  const rows = await tx.apiKey.findMany({
    where: { orgId: ctx.org.id, ...afterCursor(page.cursor, "desc") },
    orderBy: keysetOrder("desc"),
    select,
    take: page.limit + 1,
  });
  return toPage(rows, page.limit, toDto);
}

/**
 * A new key for the org, returned whole this once. Needs the plan's API access, and is paused
 * with other writes while the org is read-only; listing and revoking never are.
 */
export async function createApiKey(ctx: OrgContext, tx: Tx, input: ApiKeyCreateInput): Promise<CreatedApiKeyDto> {
  assertWritable(ctx);
  await assertFeature(ctx, tx, "apiAccess");
  const generated = generateApiKey(keyEnvironment(env.APP_ENV));
  const row = await tx.apiKey.create({
    data: {
      orgId: ctx.org.id,
      name: input.name,
      role: input.role,
      publicId: generated.publicId,
      prefix: generated.prefix,
      last4: generated.last4,
      secretHash: generated.secretHash,
      createdById: personActing(ctx).userId,
      expiresAt: input.expiresAt ?? null,
    },
    select,
  });
  await recordAudit(ctx, tx, {
    action: "api_key.created",
    target: { type: "api_key", id: row.id, label: keyLabel(row) },
    changes: { after: { role: row.role, expiresAt: iso(row.expiresAt) } },
  });
  return { ...toDto(row), key: generated.key };
}

/** Takes effect on the key's next request: every request re-reads the key. Revoking twice is a no-op. */
export async function revokeApiKey(ctx: OrgContext, tx: Tx, id: string): Promise<void> {
  const key = await tx.apiKey.findFirst({ where: { id, orgId: ctx.org.id }, select });
  if (!key) throw notFound("API key");
  if (key.revokedAt) return;
  await tx.apiKey.updateMany({ where: { id, orgId: ctx.org.id, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAudit(ctx, tx, { action: "api_key.revoked", target: { type: "api_key", id, label: keyLabel(key) } });
}
