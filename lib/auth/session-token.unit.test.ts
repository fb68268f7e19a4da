import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, principalOf, sessionCookieValue } from "./session-token";

const SECRET = "session-token-unit-test-secret-of-32+-chars";
const claims = { sub: "u1", uid: "u1", sv: 3, sid: "s1", email: "a@example.test" };

/** next-auth's own reading of a token, null where it throws (getServerSession then treats it as signed out). */
const nextAuthDecode = (token: string, secret = SECRET) => decode({ token, secret }).catch(() => null);

describe("decodeSessionToken", () => {
  it("reads a token next-auth's encode made exactly as next-auth's decode does", async () => {
    const token = await encode({ token: claims, secret: SECRET });
    const ours = await decodeSessionToken(token, SECRET);
    expect(ours).toEqual(await nextAuthDecode(token));
    expect(ours).toMatchObject(claims);
  });

  it("refuses an expired token, allowing next-auth's 15 s of clock skew", async () => {
    const expired = await encode({ token: claims, secret: SECRET, maxAge: -60 });
    expect(await decodeSessionToken(expired, SECRET)).toBeNull();
    expect(await nextAuthDecode(expired)).toBeNull();

    const justExpired = await encode({ token: claims, secret: SECRET, maxAge: -5 });
    expect(await decodeSessionToken(justExpired, SECRET)).toEqual(await nextAuthDecode(justExpired));
    expect(await decodeSessionToken(justExpired, SECRET)).not.toBeNull();
  });

  it("refuses a token made with another secret", async () => {
    const token = await encode({ token: claims, secret: "another-secret-that-is-also-32-chars-long" });
    expect(await decodeSessionToken(token, SECRET)).toBeNull();
  });

  it("refuses a token with any part changed", async () => {
    const token = await encode({ token: claims, secret: SECRET });
    const parts = token.split(".");
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      // Flip one base64url character in the middle of the part (the encrypted key part is empty for `dir`).
      if (part.length === 0) continue;
      const at = Math.floor(part.length / 2);
      const flipped = part.slice(0, at) + (part[at] === "A" ? "B" : "A") + part.slice(at + 1);
      const tampered = [...parts.slice(0, i), flipped, ...parts.slice(i + 1)].join(".");
      expect(await decodeSessionToken(tampered, SECRET), `part ${i}`).toBeNull();
    }
    expect(await decodeSessionToken(`${token}x`, SECRET)).toBeNull();
    expect(await decodeSessionToken("not a token", SECRET)).toBeNull();
    expect(await decodeSessionToken("", SECRET)).toBeNull();
  });

  it("keeps a key per secret, so a second secret is not read with the first one's key", async () => {
    const other = "second-secret-for-the-key-cache-32-chars";
    const token = await encode({ token: claims, secret: other });
    expect(await decodeSessionToken(token, SECRET)).toBeNull();
    expect(await decodeSessionToken(token, other)).toMatchObject(claims);
  });
});

describe("sessionCookieValue", () => {
  const name = "next-auth.session-token";

  it("takes the one cookie of that name and ignores others", () => {
    expect(sessionCookieValue([{ name: "theme", value: "dark" }, { name, value: "abc" }], name)).toBe("abc");
    expect(sessionCookieValue([{ name: "theme", value: "dark" }], name)).toBe("");
  });

  it("joins next-auth's chunks in the order of their suffix", () => {
    const cookies = [
      { name: `${name}.2`, value: "c" },
      { name: `${name}.0`, value: "a" },
      { name: "other", value: "x" },
      { name: `${name}.10`, value: "d" },
      { name: `${name}.1`, value: "b" },
    ];
    expect(sessionCookieValue(cookies, name)).toBe("abcd");
  });

  it("does not read the secure cookie under the plain name, or the plain one under the secure name", () => {
    expect(sessionCookieValue([{ name: `__Secure-${name}`, value: "s" }], name)).toBe("");
    expect(sessionCookieValue([{ name, value: "p" }], `__Secure-${name}`)).toBe("");
  });
});

describe("principalOf", () => {
  it("is the user, session version and session row the jwt callback put in the token", () => {
    expect(principalOf({ uid: "u1", sv: 3, sid: "s1" })).toEqual({ userId: "u1", sessionVersion: 3, sessionId: "s1" });
    expect(principalOf({ uid: "u1", sid: "s1" })).toEqual({ userId: "u1", sessionVersion: 0, sessionId: "s1" });
  });

  it("is nobody without a user id or a session row, or with a malformed version", () => {
    expect(principalOf(null)).toBeNull();
    expect(principalOf({ sv: 1, sid: "s1" })).toBeNull();
    expect(principalOf({ uid: "u1", sv: 1 })).toBeNull();
    expect(principalOf({ uid: "", sv: 1, sid: "s1" })).toBeNull();
    expect(principalOf({ uid: "u1", sv: "1", sid: "s1" })).toBeNull();
  });
});
