import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tenant-transaction";
import type { OrgContext } from "@/lib/orgs/context";
import type { AuditAction } from "./actions";

export type AuditChanges = { before?: Record<string, unknown>; after?: Record<string, unknown> };

export type AuditEntry = {
  action: AuditAction;
  target: { type: string; id?: string; label?: string };
  changes?: AuditChanges;
};

/**
 * Writes one audit event in the caller's transaction, so the event exists exactly when
 * the change does: a change that rolls back leaves no event, and no event is lost.
 */
export async function recordAudit(ctx: OrgContext, tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      orgId: ctx.org.id,
      actorType: ctx.actor.type,
      actorId: ctx.actor.type === "user" ? ctx.actor.userId : ctx.actor.keyId,
      actorLabel: ctx.actor.label,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      targetLabel: entry.target.label,
      changes: entry.changes as Prisma.InputJsonValue | undefined,
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent,
    },
  });
}

/** The fields of `after` that differ from `before`, for a compact before/after summary. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges | undefined {
  const keys = Object.keys(after).filter((k) => after[k] !== undefined && after[k] !== before[k]);
  if (keys.length === 0) return undefined;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}
