import { describe, expect, it } from "vitest";
import { formatRelative } from "@/components/ui/format-date";
import { securityEventLabel, signInMethodLabel } from "./security-labels";

describe("securityEventLabel", () => {
  it("names the sign-in method when the event carries a known one", () => {
    expect(securityEventLabel("signed_in", { method: "credentials", twoFactorPending: true })).toBe("Signed in with password");
    expect(securityEventLabel("signed_in", { method: "email" })).toBe("Signed in with an email link");
    expect(securityEventLabel("signed_in", { method: "saml" })).toBe("Signed in");
    expect(securityEventLabel("signed_in", null)).toBe("Signed in");
  });

  it("counts the devices signed out everywhere else", () => {
    expect(securityEventLabel("sessions_revoked", { count: 1 })).toBe("Signed out 1 other device");
    expect(securityEventLabel("sessions_revoked", { count: 3 })).toBe("Signed out 3 other devices");
    expect(securityEventLabel("sessions_revoked", { count: "3" })).toBe("Signed out all other devices");
  });

  it("turns types it does not know into words", () => {
    expect(securityEventLabel("passkey_added")).toBe("Passkey added");
  });
});

describe("signInMethodLabel", () => {
  it("reads providers as their names", () => {
    expect(signInMethodLabel("credentials")).toBe("Password");
    expect(signInMethodLabel("github")).toBe("GitHub");
    expect(signInMethodLabel("okta")).toBe("Okta");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-11-30T12:00:00Z");
  it("says how long ago, in the largest whole unit", () => {
    expect(formatRelative("2026-11-30T11:59:30Z", now)).toBe("just now");
    expect(formatRelative("2026-11-30T11:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative("2026-11-29T11:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2026-11-16T12:00:00Z", now)).toBe("2 weeks ago");
  });
});
