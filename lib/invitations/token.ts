import { newToken } from "@/lib/auth/hash-token";

/** How long an invitation link works after it is sent (or resent). */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A fresh single-use token for the email, its hash for the database and its expiry. */
export function issueInvitationToken(now: Date = new Date()): { token: string; tokenHash: string; expiresAt: Date } {
  return { ...newToken(), expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) };
}
