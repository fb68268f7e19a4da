import { createOrg } from "@/lib/orgs/service";
import { db } from "@/lib/db/client";
import { inOrg } from "@/lib/db/tenant-transaction";
const u = await db.user.create({ data: { email: `p${Date.now()}@x.test` } });
const org = await createOrg(u.id, { name: "Probe" });
try {
  await inOrg(org.id, async (tx) => { await tx.membership.update({ where: { orgId_userId: { orgId: org.id, userId: u.id } }, data: { role: "admin" } }); await tx.$executeRaw`set constraints all immediate`; });
  console.log("NO ERROR");
} catch (e) {
  console.log("ctor", e?.constructor?.name, (e as any).code, (e as any).meta, Object.keys(e as object));
}
await db.$disconnect();
