import { randomBytes, randomUUID } from "node:crypto";
import type { Role } from "@/lib/db/generated/enums";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/db/tenant-transaction";
import { createOrg } from "@/lib/orgs/service";
import { hashPassword } from "@/lib/auth/password";

export const TEST_PASSWORD = "correct-horse-battery";
const passwordHash = hashPassword(TEST_PASSWORD);

export type TestUser = { id: string; email: string; name: string; sessionVersion: number };

const unique = () => randomBytes(4).toString("hex");

/** A user with TEST_PASSWORD, verified unless `verified: false` (an unproved password sign-up). */
export async function createUser(name = "Test User", options: { verified?: boolean } = {}): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${unique()}@example.test`;
  return db.user.create({
    data: {
      name,
      email,
      emailVerified: options.verified === false ? null : new Date(),
      credential: { create: { passwordHash: await passwordHash } },
    },
    select: { id: true, email: true, name: true, sessionVersion: true },
  }) as Promise<TestUser>;
}

/**
 * A signed-in device of `user`, as next-auth's jwt callback records it at sign-in. For a user
 * deleted since, the id names no row: the cookie then stands for a session that is gone.
 */
export async function createSession(user: TestUser, data: { twoFactorPending?: boolean; authenticatedAt?: Date; userAgent?: string } = {}): Promise<string> {
  const id = randomUUID();
  await db.$executeRaw`
    insert into user_sessions (id, "userId", method, "userAgent", "twoFactorPending", "authenticatedAt")
    select ${id}, u.id, 'credentials', ${data.userAgent ?? null}, ${data.twoFactorPending ?? false}, ${data.authenticatedAt ?? new Date()}
    from users u where u.id = ${user.id}`;
  return id;
}

export async function addMember(orgId: string, userId: string, role: Role) {
  await scoped({ orgId }, (tx) => tx.membership.create({ data: { orgId, userId, role } }));
}

export async function createProjects(orgId: string, createdById: string, names: string[]) {
  return scoped({ orgId }, async (tx) => {
    const out = [];
    for (const name of names) out.push(await tx.project.create({ data: { orgId, name, createdById, description: `About ${name}` } }));
    return out;
  });
}

/** An org with one user in each role, and some projects. */
export async function orgWithTeam(label = "Org") {
  const owner = await createUser(`${label} Owner`);
  const org = await createOrg(owner.id, { name: `${label} ${unique()}` });
  const team: Record<Role, TestUser> = { owner, admin: await createUser(`${label} Admin`), member: await createUser(`${label} Member`), viewer: await createUser(`${label} Viewer`) };
  for (const role of ["admin", "member", "viewer"] as const) await addMember(org.id, team[role].id, role);
  const projects = await createProjects(org.id, owner.id, [`${label} Alpha`, `${label} Beta`, `${label} Gamma`]);
  return { org, team, projects };
}
