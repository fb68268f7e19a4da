import type { SecurityEventView } from "./schemas";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tenant-transaction";
import { afterCursor, keysetOrder, toPage, type Page, type PageQuery } from "@/lib/db/keyset-page";

export const SECURITY_EVENT_TYPES = [
  "signed_in",
  "signed_out",
  "session_revoked",
  "sessions_revoked",
  "email_verified",
  "account_claimed",
  "password_changed",
  "two_factor_enabled",
  "two_factor_disabled",
  "recovery_codes_regenerated",
  "recovery_code_used",
  "reauthenticated",
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export type Origin = { ip?: string; userAgent?: string };

/** One line of the account's security history, written with the change it describes. */
export async function recordSecurityEvent(
  client: Db | Tx,
  userId: string,
  type: SecurityEventType,
  origin: Origin = {},
  details?: Record<string, unknown>,
): Promise<void> {
  // createMany: no RETURNING, so the app role needs no read grant to write its own history.
  await client.securityEvent.createMany({
    data: [{ userId, type, ip: origin.ip, userAgent: origin.userAgent, details: details as Prisma.InputJsonValue | undefined }],
  });
}

export type { SecurityEventView } from "./schemas";

export async function listSecurityEvents(client: Db | Tx, userId: string, page: PageQuery): Promise<Page<SecurityEventView>> {
  const rows = await client.securityEvent.findMany({
    where: { userId, ...afterCursor(page.cursor, "desc") },
    orderBy: keysetOrder("desc"),
    take: page.limit + 1,
    select: { id: true, type: true, ip: true, userAgent: true, details: true, createdAt: true },
  });
  return toPage(rows, page.limit, (r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
