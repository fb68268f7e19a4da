import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newSigningSecret, sign, signedHeaders } from "./signature";

/** The receiver's side, written from the Standard Webhooks spec rather than from signature.ts. */
function verifyBySpec(secret: string, headers: Record<string, string>, body: string, nowSeconds: number): boolean {
  const timestamp = Number(headers["webhook-timestamp"]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${headers["webhook-id"]}.${timestamp}.${body}`).digest();
  return (headers["webhook-signature"] ?? "").split(" ").some((entry) => {
    const [version, signature = ""] = entry.split(",");
    const presented = Buffer.from(signature, "base64");
    return version === "v1" && presented.length === expected.length && timingSafeEqual(presented, expected);
  });
}

describe("webhook signatures", () => {
  const body = JSON.stringify({ id: "evt_1", type: "project.created", data: { name: "Ünïcode ✓" } });

  it("makes whsec_ secrets of 24 random bytes", () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it("is verified by the standardwebhooks library", () => {
    const secret = newSigningSecret();
    const headers = signedHeaders(secret, "evt_abc", body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("is verified by an implementation of the spec, and refused for a changed byte, another secret or a stale timestamp", () => {
    const secret = newSigningSecret();
    const now = new Date("2026-11-30T12:00:00Z");
    const headers = signedHeaders(secret, "evt_abc", body, now);
    const nowSeconds = now.getTime() / 1000;
    expect(headers["webhook-timestamp"]).toBe(String(nowSeconds));
    expect(verifyBySpec(secret, headers, body, nowSeconds)).toBe(true);
    expect(verifyBySpec(secret, headers, body.replace("evt_1", "evt_2"), nowSeconds)).toBe(false);
    expect(verifyBySpec(newSigningSecret(), headers, body, nowSeconds)).toBe(false);
    expect(verifyBySpec(secret, { ...headers, "webhook-id": "evt_other" }, body, nowSeconds)).toBe(false);
    expect(verifyBySpec(secret, headers, body, nowSeconds + 301)).toBe(false);
  });

  it("matches the Standard Webhooks reference vector", () => {
    // From the specification's example: this secret, id, timestamp and body give this signature.
    const signature = sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });
});
