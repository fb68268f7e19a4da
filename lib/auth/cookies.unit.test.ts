import { describe, expect, it } from "vitest";

process.env.DATABASE_URL ??= "postgres://u@localhost/db";
process.env.NEXTAUTH_SECRET ??= "s".repeat(32);
const { authCookies } = await import("./cookies");

describe("authCookies", () => {
  it("prefixes and secures next-auth's cookies over https", () => {
    const { useSecureCookies, cookies } = authCookies(true);
    expect(useSecureCookies).toBe(true);
    expect(cookies?.sessionToken?.name).toBe("__Secure-next-auth.session-token");
    expect(cookies?.callbackUrl?.name).toBe("__Secure-next-auth.callback-url");
    expect(cookies?.csrfToken?.name).toBe("__Host-next-auth.csrf-token");
    // __Host- requires Secure and Path=/ and forbids Domain.
    expect(cookies?.csrfToken?.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
  });

  it("keeps next-auth's plain names over http, where tests mint next-auth.session-token", () => {
    const { useSecureCookies, cookies } = authCookies(false);
    expect(useSecureCookies).toBe(false);
    expect(cookies?.sessionToken?.name).toBe("next-auth.session-token");
    expect(cookies?.csrfToken?.name).toBe("next-auth.csrf-token");
    expect(cookies?.sessionToken?.options.secure).toBe(false);
  });
});
