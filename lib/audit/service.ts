import { containsText } from "@/lib/db/contains-text";
import type { AuditEvent, Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tenant-transaction";
import type { OrgContext } from "@/lib/orgs/context";
import { assertFeature } from "@/lib/billing/entitlements";
import { afterCursor, keysetOrder, toPage } from "@/lib/db/keyset-page";
import { toCsv } from "./csv";
import { auditChangesSchema, createdAtRange, type AuditEventDto, type AuditFilters, type AuditListQuery, type AuditPage } from "./schemas";

/** The most rows one export holds; past it the newest are exported and the response says so. */
export const EXPORT_ROW_LIMIT = 10_000;

function toDto(row: AuditEvent): AuditEventDto {
  const changes = auditChangesSchema.safeParse(row.changes);
  return {
    id: row.id,
    action: row.action,
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
    changes: changes.success && row.changes !== null ? changes.data : null,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
  };
}

function whereFor(ctx: OrgContext, filters: AuditFilters): Prisma.AuditEventWhereInput[] {
  const where: Prisma.AuditEventWhereInput[] = [{ orgId: ctx.org.id }];
  if (filters.action) where.push({ action: filters.action });
  if (filters.actor) where.push({ OR: [{ actorLabel: containsText(filters.actor) }, { actorId: filters.actor }] });
  if (filters.target) where.push({ OR: [{ targetLabel: containsText(filters.target) }, { targetId: filters.target }] });
  const createdAt = createdAtRange(filters);
  if (createdAt) where.push({ createdAt });
  return where;
}

// Newest first, ties broken by id: the order the (orgId, createdAt, id) index serves.
const newestFirst = keysetOrder("desc");

export async function listAuditEvents(ctx: OrgContext, tx: Tx, query: AuditListQuery): Promise<AuditPage> {
  const where = whereFor(ctx, query);
  where.push(afterCursor(query.cursor, "desc"));
  const rows = await tx.auditEvent.findMany({ where: { AND: where }, orderBy: newestFirst, take: query.limit + 1 });
  return toPage(rows, query.limit, toDto);
}

const CSV_HEADER = ["time", "action", "actor_type", "actor_id", "actor", "target_type", "target_id", "target", "before", "after", "ip", "user_agent"] as const;

const json = (value: Record<string, unknown> | undefined) => (value ? JSON.stringify(value) : "");

/**
 * The events matching `filters` as CSV, newest first. It is built inside the request's
 * transaction (one consistent snapshot), which is why it is capped rather than streamed.
 * Plans without `auditLogExport` can read the log but not export it.
 */
export async function exportAuditEvents(ctx: OrgContext, tx: Tx, filters: AuditFilters): Promise<{ csv: string; rows: number; truncated: boolean }> {
  await assertFeature(ctx, tx, "auditLogExport");
  const rows = await tx.auditEvent.findMany({ where: { AND: whereFor(ctx, filters) }, orderBy: newestFirst, take: EXPORT_ROW_LIMIT + 1 });
  const events = rows.slice(0, EXPORT_ROW_LIMIT).map(toDto);
  const csv = toCsv(
    CSV_HEADER,
    events.map((e) => [
      e.createdAt,
      e.action,
      e.actor.type,
      e.actor.id,
      e.actor.label,
      e.target.type,
      e.target.id,
      e.target.label,
      json(e.changes?.before),
      json(e.changes?.after),
      e.ip,
      e.userAgent,
    ]),
  );
  return { csv, rows: events.length, truncated: rows.length > EXPORT_ROW_LIMIT };
}
