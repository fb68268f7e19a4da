import { db } from "@/lib/db/client";
import { rateLimit } from "@/lib/rate-limit";
import { hashPassword, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { RATE_LIMITED } from "./sign-in-codes";

// Verified against when the email is unknown, so both answers take the same time.
const dummyHash = hashPassword("timing-equaliser-not-a-password");

export async function authorizeWithPassword(credentials: unknown) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  // The per-IP limit runs in the auth route before this; this one stops spraying one account.
  if (!(await rateLimit("auth:email", email)).success) throw new Error(RATE_LIMITED);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, image: true, passwordHash: true, sessionVersion: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user?.passwordHash || !valid) return null;
  const { passwordHash: _omit, ...safe } = user;
  return safe;
}
