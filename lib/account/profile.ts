import { db } from "@/lib/db/client";
import { notFound } from "@/lib/api/errors";
import type { Profile, ProfileUpdateInput } from "./schemas";

export type { Profile } from "./schemas";

// Users, accounts and email changes belong to the person, not to an org: no RLS scope needed.
export async function getProfile(userId: string): Promise<Profile> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      image: true,
      credential: { select: { passwordHash: true } },
      createdAt: true,
      accounts: { select: { provider: true }, orderBy: { provider: "asc" } },
      emailChanges: {
        where: { usedAt: null, expiresAt: { gt: new Date() } },
        select: { newEmail: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  if (!user) throw notFound("Account");
  const [pending] = user.emailChanges;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified?.toISOString() ?? null,
    image: user.image,
    hasPassword: Boolean(user.credential?.passwordHash),
    providers: [...new Set(user.accounts.map((a) => a.provider))],
    createdAt: user.createdAt.toISOString(),
    pendingEmailChange: pending ? { newEmail: pending.newEmail, expiresAt: pending.expiresAt.toISOString() } : null,
  };
}

export async function updateProfile(userId: string, input: ProfileUpdateInput): Promise<Profile> {
  await db.user.update({ where: { id: userId }, data: { name: input.name } });
  return getProfile(userId);
}
