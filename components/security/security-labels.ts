import { z } from "zod";

/** Readable words for what the security API reports as codes. */

const EVENTS: Record<string, string> = {
  signed_in: "Signed in",
  signed_out: "Signed out",
  session_revoked: "Signed out a device",
  sessions_revoked: "Signed out all other devices",
  email_verified: "Verified email address",
  account_claimed: "Secured account: earlier password removed, other devices signed out",
  password_changed: "Changed password",
  two_factor_enabled: "Turned on two-factor authentication",
  two_factor_disabled: "Turned off two-factor authentication",
  recovery_codes_regenerated: "Created new recovery codes",
  recovery_code_used: "Signed in with a recovery code",
  reauthenticated: "Confirmed identity",
};

const METHOD_PHRASES: Record<string, string> = {
  credentials: "with password",
  email: "with an email link",
  github: "with GitHub",
  google: "with Google",
};

// The parts of an event's `details` a label uses; anything else in them is ignored.
const detailsSchema = z.object({ method: z.string().optional(), count: z.number().int().optional() }).partial();

/** Unknown types (added to the API later) still read as words rather than snake_case. */
export function securityEventLabel(type: string, details?: unknown): string {
  const { method, count } = detailsSchema.safeParse(details ?? {}).data ?? {};
  if (type === "signed_in" && method && METHOD_PHRASES[method]) return `Signed in ${METHOD_PHRASES[method]}`;
  if (type === "sessions_revoked" && count) return count === 1 ? "Signed out 1 other device" : `Signed out ${count} other devices`;
  const label = EVENTS[type] ?? type.replaceAll("_", " ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const METHODS: Record<string, string> = {
  credentials: "Password",
  email: "Email link",
  github: "GitHub",
  google: "Google",
};

export function signInMethodLabel(method: string): string {
  return METHODS[method] ?? method.charAt(0).toUpperCase() + method.slice(1);
}
