import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/hash-token";
import { INVITATION_TTL_MS, issueInvitationToken } from "./token";
import { invitationTokenSchema } from "./token-schema";

describe("invitation tokens", () => {
  it("are 32 random bytes in base64url, stored as their SHA-256", () => {
    const { token, tokenHash } = issueInvitationToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(invitationTokenSchema.safeParse(token).success).toBe(true);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).toBe(tokenHash);
    expect(issueInvitationToken().token).not.toBe(token);
  });

  it("expire seven days after they are issued", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(issueInvitationToken(now).expiresAt.getTime() - now.getTime()).toBe(INVITATION_TTL_MS);
    expect(INVITATION_TTL_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });
});
