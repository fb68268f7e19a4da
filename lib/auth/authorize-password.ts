import { db } from "@/lib/db/client";
import { rateLimit, rateLimitPeek, type LimitName } from "@/lib/rate-limit";
import { hashPassword, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import type { Origin } from "./security-events";
import { EMAIL_UNVERIFIED, RATE_LIMITED } from "./sign-in-codes";

// Verified against when the email is unknown, so both answers take the same time.
const dummyHash = hashPassword("timing-equaliser-not-a-password");

/** The buckets a wrong password counts against (see lib/rate-limit/limits.ts). */
function failureBuckets(email: string, ip: string): [LimitName, string][] {
  return [
    ["auth:password-failures:email-ip", `${email}|${ip}`],
    ["auth:password-failures:ip", ip],
  ];
}

/**
 * Checks a password for `email` the way every password prompt should: refused while either
 * failure bucket is full, counted only when wrong, and equally slow for unknown addresses.
 * Returns the user id, or null for a wrong password or an unknown address.
 */
export async function checkPassword(email: string, password: string, origin: Origin): Promise<{ id: string; emailVerified: Date | null } | null> {
  const buckets = failureBuckets(email, origin.ip ?? "unknown");
  const room = await Promise.all(buckets.map(([name, key]) => rateLimitPeek(name, key)));
  if (room.some((r) => !r.success)) throw new Error(RATE_LIMITED);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, emailVerified: true, credential: { select: { passwordHash: true } } },
  });
  const hash = user?.credential?.passwordHash ?? null;
  const valid = await verifyPassword(hash ?? (await dummyHash), password);
  if (!user || !hash || !valid) {
    await Promise.all(buckets.map(([name, key]) => rateLimit(name, key)));
    return null;
  }
  return { id: user.id, emailVerified: user.emailVerified };
}

/** next-auth's credentials `authorize`: a verified account with the right password. */
export async function authorizeWithPassword(credentials: unknown, origin: Origin) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await checkPassword(parsed.data.email, parsed.data.password, origin);
  if (!user) return null;
  // Only after the password matched: refusing earlier would tell strangers the address is registered.
  if (!user.emailVerified) throw new Error(EMAIL_UNVERIFIED);
  return { id: user.id };
}
