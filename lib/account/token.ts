import { createHash, randomBytes } from "node:crypto";

/** Only the hash is stored: a database leak must not hand out working links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A 32-byte random token for a link in an email, and the hash to store for it. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}
