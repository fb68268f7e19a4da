/**
 * Demo data: the organisation "Acme Inc" with one user per role, each user's personal
 * workspace, and a handful of projects. `npm run db:seed`, or called by the dev script
 * on the first start of an empty database. Idempotent: does nothing once `acme` exists.
 */
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { hashPassword } from "@/lib/auth/password";
import { PrismaClient } from "@/lib/db/generated/client";
import type { ProjectStatus, Role } from "@/lib/db/generated/enums";
import { describeDatabase } from "@/scripts/lib/describe-database";
import { loadEnvFiles } from "@/scripts/lib/load-env";

export const DEMO_ORG_SLUG = "acme";
export const DEMO_PASSWORD = "tenantkit-demo";

const demoUsers: { name: string; email: string; role: Role }[] = [
  { name: "Olivia Owner", email: "owner@acme.test", role: "owner" },
  { name: "Adam Admin", email: "admin@acme.test", role: "admin" },
  { name: "Maya Member", email: "member@acme.test", role: "member" },
  { name: "Victor Viewer", email: "viewer@acme.test", role: "viewer" },
];

const demoProjects: { name: string; description: string; status: ProjectStatus; by: Role; daysAgo: number }[] = [
  {
    name: "Website redesign",
    description: "New brand, faster pages and an accessible layout for the marketing site.",
    status: "active",
    by: "owner",
    daysAgo: 41,
  },
  {
    name: "Mobile app v2",
    description: "Offline mode, push notifications and a rebuilt onboarding flow.",
    status: "active",
    by: "admin",
    daysAgo: 34,
  },
  {
    name: "Legacy billing cleanup",
    description: "Retire the old invoicing scripts now that Stripe handles renewals.",
    status: "archived",
    by: "member",
    daysAgo: 30,
  },
  {
    name: "Q3 pricing experiment",
    description: "Per-seat versus usage-based pricing on new sign-ups.",
    status: "paused",
    by: "admin",
    daysAgo: 22,
  },
  {
    name: "Data warehouse migration",
    description: "Move reporting from nightly CSV exports to a managed warehouse.",
    status: "active",
    by: "owner",
    daysAgo: 15,
  },
  {
    name: "Customer onboarding emails",
    description: "A five-email welcome sequence that gets new accounts to their first project.",
    status: "active",
    by: "member",
    daysAgo: 9,
  },
  { name: "Partner API", description: "", status: "paused", by: "member", daysAgo: 4 },
  {
    name: "SOC 2 readiness",
    description: "Policies, access reviews and evidence collection ahead of the audit.",
    status: "active",
    by: "admin",
    daysAgo: 1,
  },
];

/** Seeds the database at `connectionString` (default: DATABASE_URL). Returns false when the demo org already exists. */
export async function seed(connectionString?: string): Promise<boolean> {
  // Imported here, not at the top: lib/env.ts validates the environment when first
  // imported, and callers (the dev script, tests) set it up before calling seed.
  const [{ env }, { asAuthRole, scoped, setOrgScope }] = await Promise.all([import("@/lib/env"), import("@/lib/db/tenant-transaction")]);
  // Demo users share one published password: never in a production process by accident.
  if (env.NODE_ENV === "production" && env.SEED_DEMO !== "on") {
    throw new Error("The demo seed does not run under NODE_ENV=production. Set SEED_DEMO=on if you really want the demo users there.");
  }

  // A client of its own, closed when done: the dev script seeds from the process that
  // goes on supervising the app and should not keep a pool open.
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: connectionString ?? env.DATABASE_URL, max: 1 }) });
  try {
    if (await client.organization.findUnique({ where: { slug: DEMO_ORG_SLUG }, select: { id: true } })) return false;

    // Hashing is slow by design; do it before the transaction opens.
    const hashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_PASSWORD)));

    // One transaction, so an interrupted seed leaves nothing behind to be skipped next time.
    // It starts unscoped and moves between orgs with setOrgScope as it creates them.
    await scoped(
      {},
      async (tx) => {
        const acme = await tx.organization.create({ data: { name: "Acme Inc", slug: DEMO_ORG_SLUG } });

        const members: { userId: string; role: Role }[] = [];
        for (const [i, person] of demoUsers.entries()) {
          const user = await tx.user.create({
            data: { name: person.name, email: person.email, emailVerified: new Date() },
          });
          await asAuthRole(tx, () => tx.userCredential.createMany({ data: [{ userId: user.id, passwordHash: hashes[i] }] }));
          members.push({ userId: user.id, role: person.role });

          const personal = await tx.organization.create({
            data: { name: `${person.name}'s workspace`, slug: slugify(person.name), personal: true },
          });
          await setOrgScope(tx, personal.id);
          await tx.membership.create({ data: { orgId: personal.id, userId: user.id, role: "owner" } });
        }

        await setOrgScope(tx, acme.id);
        await tx.membership.createMany({ data: members.map((m) => ({ orgId: acme.id, ...m })) });
        const now = Date.now();
        await tx.project.createMany({
          data: demoProjects.map(({ by, daysAgo, ...project }) => ({
            ...project,
            orgId: acme.id,
            createdById: members.find((m) => m.role === by)?.userId,
            createdAt: new Date(now - daysAgo * 86_400_000),
          })),
        });
      },
      client,
    );
    return true;
  } finally {
    await client.$disconnect();
  }
}

function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadEnvFiles(process.env.NODE_ENV !== "production");
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("db:seed needs DATABASE_URL. Without one, `npm run dev` seeds the embedded database on its first start.");
    process.exit(1);
  }
  // lib/env.ts insists on a secret even though seeding signs nothing.
  process.env.NEXTAUTH_SECRET ||= randomBytes(32).toString("base64url");
  try {
    const created = await seed(connectionString);
    console.log(
      created
        ? `Seeded ${describeDatabase(connectionString)}: sign in as owner@acme.test (or admin@, member@, viewer@) with password ${DEMO_PASSWORD}`
        : `The demo organisation "${DEMO_ORG_SLUG}" already exists; nothing to do.`,
    );
  } catch (error) {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
