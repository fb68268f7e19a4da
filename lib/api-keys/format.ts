import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The key a customer holds: `tk_live_<publicId>_<secret>` (`tk_test_…` outside production).
 * The fixed prefix and lengths let secret scanners (GitHub's, gitleaks) match it exactly.
 * `publicId` is the indexed lookup part; the secret is 32 random bytes, base64url.
 */
export type KeyEnvironment = "live" | "test";
export type PresentedApiKey = { environment: KeyEnvironment; publicId: string; secret: string };

const PUBLIC_ID_BYTES = 8;
const SECRET_BYTES = 32;
const KEY_PATTERN = /^tk_(live|test)_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function keyEnvironment(appEnv: string): KeyEnvironment {
  return appEnv === "production" ? "live" : "test";
}

/** `tk_live_<publicId>`: what the dashboard shows, with the secret's last four characters. */
export const keyPrefix = (environment: KeyEnvironment, publicId: string) => `tk_${environment}_${publicId}`;

/** What the audit log and the dashboard call a key: enough to find it, nothing to use it. */
export const keyLabel = (key: { name: string; prefix: string; last4: string }) => `${key.name} (${key.prefix}…${key.last4})`;

/** Null for anything that is not exactly a key's shape, so nothing malformed reaches the database. */
export function parseApiKey(value: string): PresentedApiKey | null {
  const match = KEY_PATTERN.exec(value);
  if (!match) return null;
  return { environment: match[1] as KeyEnvironment, publicId: match[2]!, secret: match[3]! };
}

/**
 * SHA-256, not a slow password hash: the secret is 256 random bits, so there is nothing to
 * guess and a stolen hash cannot be reversed by brute force. A slow hash would only add
 * latency to every API request.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares in constant time, so response timing says nothing about how much of a hash matched. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

export type NewApiKey = { key: string; publicId: string; prefix: string; last4: string; secretHash: string };

export function generateApiKey(environment: KeyEnvironment): NewApiKey {
  const publicId = randomBytes(PUBLIC_ID_BYTES).toString("hex");
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  const prefix = keyPrefix(environment, publicId);
  return { key: `${prefix}_${secret}`, publicId, prefix, last4: secret.slice(-4), secretHash: hashSecret(secret) };
}
