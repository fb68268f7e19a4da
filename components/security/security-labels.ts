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

/** Unknown types (added to the API later) still read as words rather than snake_case. */
export function securityEventLabel(type: string): string {
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
