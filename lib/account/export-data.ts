import { db } from "@/lib/db/client";
import type { AccountExport } from "./schemas";
import { scoped, setOrgScope } from "@/lib/db/tenant-transaction";
import { notFound } from "@/lib/api/errors";

export type { AccountExport } from "./schemas";

const iso = (d: Date) => d.toISOString();

/**
 * Everything Tenantkit holds about the person, for a "download my data" request. Built
 * field by field rather than spread from rows, so a column added later (a secret, say)
 * is not exported until someone decides it should be. One transaction: a consistent
 * picture, with each org's projects read under that org's RLS scope.
 */
export async function exportAccountData(userId: string, now: Date = new Date()): Promise<AccountExport> {
  // Sign-in details live where request transactions cannot read them: the auth role fetches them.
  const [linkedAccounts, credential] = await Promise.all([
    db.account.findMany({ where: { userId }, select: { provider: true, type: true, providerAccountId: true }, orderBy: { provider: "asc" } }),
    db.userCredential.findUnique({ where: { userId }, select: { passwordHash: true } }),
  ]);
  return scoped({ userId }, async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        emailVerified: true,
        image: true,
        createdAt: true,
        updatedAt: true,
        emailChanges: { select: { newEmail: true, createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: "asc" } },
      },
    });
    if (!user) throw notFound("Account");

    // RLS lets a user read their own memberships in every org; the orgs come from those rows.
    const memberships = await tx.membership.findMany({
      where: { userId },
      select: { role: true, createdAt: true, org: { select: { id: true, slug: true, name: true, personal: true } } },
      orderBy: { createdAt: "asc" },
    });
    const perOrg: AccountExport["memberships"] = [];
    for (const m of memberships) {
      await setOrgScope(tx, m.org.id);
      const projects = await tx.project.findMany({
        where: { orgId: m.org.id, createdById: userId },
        select: { id: true, name: true, description: true, status: true, createdAt: true, updatedAt: true },
        orderBy: { createdAt: "asc" },
      });
      perOrg.push({
        organization: m.org,
        role: m.role,
        joinedAt: iso(m.createdAt),
        projectsCreated: projects.map((p) => ({ ...p, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) })),
      });
    }

    return {
      format: "tenantkit.account-export.v1",
      exportedAt: iso(now),
      profile: {
        id: user.id,
        name: user.name,
        email: user.email,
        emailVerified: user.emailVerified ? iso(user.emailVerified) : null,
        image: user.image,
        hasPassword: Boolean(credential?.passwordHash),
        createdAt: iso(user.createdAt),
        updatedAt: iso(user.updatedAt),
      },
      linkedAccounts,
      emailChanges: user.emailChanges.map((c) => ({ newEmail: c.newEmail, requestedAt: iso(c.createdAt), expiresAt: iso(c.expiresAt), confirmedAt: c.usedAt ? iso(c.usedAt) : null })),
      memberships: perOrg,
    };
  });
}
