import { z } from "zod";

/**
 * An invitation token as it travels in a link: 32 random bytes, base64url (43 characters).
 * Checked before any lookup so a mangled link is "not valid" without a database query.
 * Kept apart from token.ts, which needs node:crypto, because forms import this.
 */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not a valid invitation token");
