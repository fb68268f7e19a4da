import { db } from "@/lib/db/client";
import { notFound } from "@/lib/api/errors";
import type { ProfileUpdateInput } from "./schemas";

export type Profile = {
  id: string;
  name: string | null;
  email: string;
  emailVerified: string | null;
  /** Set by OAuth providers; the UI shows initials either way. */
  image: string | null;
  /** Whether the account can sign in with a password (and must give it to change sign-in details). */
  hasPassword: boolean;
  /** Linked OAuth providers, e.g. ["github"]. */
  providers: string[];
  createdAt: string;
  /** A change of address that waits for its confirmation link to be opened. */
  pendingEmailChange: { newEmail: string; expiresAt: string } | null;
};

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
