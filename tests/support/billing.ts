import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import type { PlanId } from "@/lib/billing/plans";

/** Puts an org on `plan` directly, as billing would once Stripe confirms it. */
export async function setPlan(orgId: string, plan: PlanId, seatsPurchased: number | null = null) {
  await db.organization.update({ where: { id: orgId }, data: { plan, seatsPurchased } });
}

/** Fills the org with projects up to `total`, in one insert: enough to reach a limit without an HTTP call each. */
export async function fillProjects(orgId: string, createdById: string, total: number) {
  await scoped({ orgId }, async (tx) => {
    const have = await tx.project.count({ where: { orgId } });
    const data = Array.from({ length: Math.max(0, total - have) }, (_, i) => ({ orgId, createdById, name: `Filler ${have + i + 1}` }));
    await tx.project.createMany({ data });
  });
}
