import { createHash, randomBytes } from "node:crypto";

/** Tokens in emailed links (invitations, email changes): only the hash is stored, so a database leak hands out no working link. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A 32-byte random token for a link in an email, and the hash to store for it. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}
