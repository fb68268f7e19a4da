import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { emailChangeTokenSchema } from "./schemas";
import { hashToken } from "@/lib/auth/hash-token";

/** What the confirm page tells the person; every outcome but `confirmed` changes nothing. */
export type EmailChangeOutcome =
  | { status: "confirmed"; email: string }
  /** Used before, and the account has that address: a second click, or a mail scanner's first. */
  | { status: "already-confirmed"; email: string }
  | { status: "used" }
  | { status: "expired"; email: string }
  | { status: "taken"; email: string }
  /** Malformed, unknown, replaced by a newer request, or its account was deleted. */
  | { status: "invalid" };

class EmailTaken extends Error {}

/**
 * Opens an email-change link: switches the address, marks it verified (the link proved it)
 * and bumps the session version, so every session, including any in the old address's hands,
 * ends on its next request.
 */
export async function confirmEmailChange(token: string, now: Date = new Date()): Promise<EmailChangeOutcome> {
  if (!emailChangeTokenSchema.safeParse(token).success) return { status: "invalid" };
  const change = await db.emailChange.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, newEmail: true, expiresAt: true, usedAt: true, user: { select: { email: true } } },
  });
  if (!change) return { status: "invalid" };
  const email = change.newEmail;
  if (change.usedAt) return change.user.email === email ? { status: "already-confirmed", email } : { status: "used" };
  if (change.expiresAt <= now) return { status: "expired", email };

  try {
    return await db.$transaction(async (tx) => {
      // Claiming the token is the first write: of two clicks at once, exactly one switches.
      const claimed = await tx.emailChange.updateMany({ where: { id: change.id, usedAt: null }, data: { usedAt: now } });
      if (claimed.count === 0) return { status: "already-confirmed", email } as const;
      const owner = await tx.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } });
      if (owner && owner.id !== change.userId) throw new EmailTaken();
      await tx.user.update({
        where: { id: change.userId },
        data: { email, emailVerified: now, sessionVersion: { increment: 1 } },
      });
      await tx.emailChange.deleteMany({ where: { userId: change.userId, usedAt: null } });
      await tx.userSession.updateMany({ where: { userId: change.userId, revokedAt: null }, data: { revokedAt: now } });
      // A magic link still out for the old address would now sign up a stranger under it.
      await tx.verificationToken.deleteMany({ where: { identifier: change.user.email } });
      return { status: "confirmed", email } as const;
    });
  } catch (error) {
    // Rolled back, claim included: the address was taken since the request (or in a race).
    const unique = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (error instanceof EmailTaken || unique) return { status: "taken", email };
    throw error;
  }
}
