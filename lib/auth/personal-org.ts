import { asUser, type Tx } from "@/lib/db/tenant-transaction";
import { createOrgInTx } from "@/lib/orgs/service";
import type { RequestMeta } from "@/lib/orgs/context";

export function personalOrgName(name: string | null | undefined, email: string): string {
  const who = name?.trim() || email.split("@")[0] || "My";
  return `${who}'s workspace`;
}

export async function createPersonalOrgInTx(tx: Tx, user: { id: string; name: string | null; email: string }, request: RequestMeta = {}) {
  return createOrgInTx(tx, { userId: user.id, label: user.email }, { name: personalOrgName(user.name, user.email) }, true, request);
}

/** Gives a user who belongs to no org their personal one (idempotent). */
export async function ensurePersonalOrg(userId: string): Promise<void> {
  await asUser(userId, async (tx) => {
    const any = await tx.membership.findFirst({ where: { userId }, select: { id: true } });
    if (any) return;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true } });
    await createPersonalOrgInTx(tx, user);
  });
}
