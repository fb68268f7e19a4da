import type { Tx } from "@/lib/db/tenant-transaction";

export type PlatformEvent = {
  type: "org.deleted";
  actor: { id: string; label: string };
  target: { id: string; label: string };
  ip?: string;
};

/**
 * The operator's record of what no org can keep for itself, such as who deleted an org:
 * that org's own audit log goes with it. Written in the change's transaction; the app role
 * may insert here but never read or change it (operators query it directly).
 */
export async function recordPlatformEvent(tx: Tx, event: PlatformEvent): Promise<void> {
  // Raw insert: Prisma's create would read the row back, which the app role may not.
  await tx.$executeRaw`
    insert into platform_events (id, type, "actorId", "actorLabel", "targetId", "targetLabel", ip)
    values (gen_random_uuid()::text, ${event.type}, ${event.actor.id}, ${event.actor.label}, ${event.target.id}, ${event.target.label}, ${event.ip ?? null})`;
}
