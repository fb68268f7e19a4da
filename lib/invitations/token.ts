import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works after it is sent (or resent). */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Only this hash is stored: a database leak does not hand out working invitation links. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh single-use token for the email, its hash for the database and its expiry. */
export function issueInvitationToken(now: Date = new Date()): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token), expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) };
}
