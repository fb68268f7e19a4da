import { AppError } from "@/lib/api/errors";
import { verifyPassword } from "@/lib/auth/password";

/**
 * Re-authentication for sensitive changes. Accounts without a password (magic link, OAuth)
 * have only the session to prove who they are, so for them there is nothing to check.
 */
export async function assertCurrentPassword(passwordHash: string | null, password: string | undefined, field: string): Promise<void> {
  if (!passwordHash) return;
  if (!password) {
    throw new AppError("invalid_input", "Enter your current password to confirm this change.", { errors: [{ path: field, message: "is required" }] });
  }
  if (!(await verifyPassword(passwordHash, password))) {
    throw new AppError("forbidden", "Your current password is incorrect.", { errors: [{ path: field, message: "is incorrect" }] });
  }
}
