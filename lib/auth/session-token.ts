import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { Principal } from "./principal";

/**
 * Reads next-auth v4's session cookie without running next-auth. `getServerSession` runs the
 * whole auth core for every request: it derives the encryption key from the secret (HKDF) twice,
 * decrypts the token, then re-encrypts it and mints a CSRF token for a cookie that a route
 * handler or server component throws away. Here the key is derived once per secret and the
 * token only decrypted, in next-auth's format: a JWE (`dir`, A256GCM) whose key is
 * HKDF-SHA256(secret, salt "", "NextAuth.js Generated Encryption Key", 32 bytes), with its
 * `exp` checked with next-auth's 15 s clock tolerance. next-auth itself still signs people in
 * and out and refreshes the cookie's expiry on its own `/api/auth/session` route.
 */

const ENCRYPTION_KEY_INFO = "NextAuth.js Generated Encryption Key";
const CLOCK_TOLERANCE_S = 15;

const keys = new Map<string, KeyObject>();

function encryptionKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    key = createSecretKey(Buffer.from(hkdfSync("sha256", secret, "", ENCRYPTION_KEY_INFO, 32)));
    keys.set(secret, key);
  }
  return key;
}

/** A token's claims; those our jwt callback (lib/auth/options.ts) writes are `uid`, `sv` and `sid`. */
export type SessionClaims = Record<string, unknown>;

/** The token's claims, or null when it is expired, tampered with, or made with another secret. */
export async function decodeSessionToken(token: string, secret: string): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: CLOCK_TOLERANCE_S });
    return payload;
  } catch {
    return null;
  }
}

/**
 * The cookie's value, joined from its chunks the way next-auth writes them: a token too long
 * for one cookie is split into `<name>.0`, `<name>.1`…, and every cookie whose name starts with
 * `name` is a part, ordered by its numeric suffix.
 */
export function sessionCookieValue(cookies: Iterable<{ name: string; value: string }>, name: string): string {
  const parts: { name: string; value: string }[] = [];
  for (const cookie of cookies) if (cookie.name.startsWith(name)) parts.push(cookie);
  if (parts.length === 1) return parts[0]!.value;
  const suffix = (cookieName: string) => parseInt(cookieName.split(".").pop() ?? "0");
  return parts
    .sort((a, b) => suffix(a.name) - suffix(b.name))
    .map((part) => part.value)
    .join("");
}

/**
 * What the session callback (lib/auth/options.ts) makes of the claims: a caller needs a user
 * and a session row; a token from before session versions counts as version 0.
 */
export function principalOf(claims: SessionClaims | null): Principal | null {
  if (!claims || typeof claims.uid !== "string" || !claims.uid || typeof claims.sid !== "string" || !claims.sid) return null;
  const sessionVersion = claims.sv ?? 0;
  if (typeof sessionVersion !== "number") return null;
  return { userId: claims.uid, sessionVersion, sessionId: claims.sid };
}
