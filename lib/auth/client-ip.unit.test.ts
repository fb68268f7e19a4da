import { describe, expect, it } from "vitest";

process.env.DATABASE_URL ??= "postgres://u@localhost/db";
process.env.NEXTAUTH_SECRET ??= "s".repeat(32);
const { isLoopback, normalizeIp, resolveClientIp, UNKNOWN_IP } = await import("./client-ip");
const { PEER_ADDRESS_HEADER } = await import("./peer-address");

const noProxy = { trustedProxyHops: 0, peerCaptured: true };

describe("resolveClientIp", () => {
  it("without a proxy, takes the TCP peer and ignores whatever the client sent", () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.10", "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" });
    expect(resolveClientIp(headers, noProxy)).toBe("192.0.2.10");
  });

  it("without a proxy and no stamped peer (instrumentation not run), knows nothing", () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.10", "x-forwarded-for": "6.6.6.6" });
    expect(resolveClientIp(headers, { trustedProxyHops: 0, peerCaptured: false })).toBe(UNKNOWN_IP);
    expect(resolveClientIp(new Headers(), noProxy)).toBe(UNKNOWN_IP);
  });

  it("behind N proxies, takes the entry N from the right of X-Forwarded-For", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.1" });
    expect(resolveClientIp(headers, { trustedProxyHops: 1, peerCaptured: true })).toBe("10.0.0.1");
    expect(resolveClientIp(headers, { trustedProxyHops: 2, peerCaptured: true })).toBe("203.0.113.5");
    expect(resolveClientIp(headers, { trustedProxyHops: 3, peerCaptured: true })).toBe("6.6.6.6");
  });

  it("reads repeated X-Forwarded-For headers as one list", () => {
    expect(resolveClientIp({ "x-forwarded-for": ["6.6.6.6", "203.0.113.5"] }, { trustedProxyHops: 1, peerCaptured: true })).toBe("203.0.113.5");
  });

  it("with fewer entries than hops, takes the leftmost (written by the first proxy reached)", () => {
    expect(resolveClientIp(new Headers({ "x-forwarded-for": "203.0.113.5" }), { trustedProxyHops: 2, peerCaptured: true })).toBe("203.0.113.5");
    expect(resolveClientIp(new Headers(), { trustedProxyHops: 2, peerCaptured: true })).toBe(UNKNOWN_IP);
  });

  it("with a platform header, takes it and nothing else", () => {
    const config = { trustedProxyHops: 0, trustedIpHeader: "cf-connecting-ip", peerCaptured: true };
    const headers = new Headers({ "cf-connecting-ip": "2001:db8::1", "x-forwarded-for": "6.6.6.6", [PEER_ADDRESS_HEADER]: "10.0.0.1" });
    expect(resolveClientIp(headers, config)).toBe("2001:db8::1");
    expect(resolveClientIp(new Headers({ "x-forwarded-for": "6.6.6.6" }), config)).toBe(UNKNOWN_IP);
  });

  it("refuses values that are not addresses", () => {
    for (const value of ["evil", "6.6.6.6.6", "<script>", "1.2.3.4:80", "", " , "]) {
      expect(resolveClientIp(new Headers({ "x-forwarded-for": value }), { trustedProxyHops: 1, peerCaptured: true })).toBe(UNKNOWN_IP);
    }
  });
});

describe("normalizeIp and isLoopback", () => {
  it("unwraps brackets and IPv4-mapped IPv6", () => {
    expect(normalizeIp("[::1]")).toBe("::1");
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp(" 2001:DB8::1 ")).toBe("2001:db8::1");
  });

  it("knows loopback from the rest", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1"].every(isLoopback)).toBe(true);
    expect(["10.0.0.1", "::2", UNKNOWN_IP, "128.0.0.1"].some(isLoopback)).toBe(false);
  });
});
