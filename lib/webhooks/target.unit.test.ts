import { describe, expect, it } from "vitest";
import { resolveTarget, type Lookup } from "./target";
import { webhookUrlSchema } from "./url-schema";

const answers =
  (table: Record<string, string[]>): Lookup =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw new Error("ENOTFOUND");
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

const lookup = answers({
  "hooks.example.com": ["93.184.215.14"],
  "internal.example.com": ["10.0.0.7"],
  "mixed.example.com": ["93.184.215.14", "127.0.0.1"],
  "v6.example.com": ["2606:4700::1111"],
});

describe("resolveTarget", () => {
  it("returns the checked public address to connect to", async () => {
    expect(await resolveTarget(new URL("https://hooks.example.com/in"), false, lookup)).toEqual({ address: "93.184.215.14", family: 4 });
    expect(await resolveTarget(new URL("https://v6.example.com/in"), false, lookup)).toEqual({ address: "2606:4700::1111", family: 6 });
    expect(await resolveTarget(new URL("http://8.8.8.8:8080/in"), false, lookup)).toEqual({ address: "8.8.8.8", family: 4 });
  });

  it.each([
    "http://127.0.0.1/",
    "http://[::1]:8080/",
    "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.1.2.3/",
    "http://2130706433/",
    "https://internal.example.com/",
    "https://mixed.example.com/",
  ])("refuses %s unless private addresses are allowed", async (url) => {
    await expect(resolveTarget(new URL(url), false, lookup)).rejects.toThrow(/private, loopback or otherwise internal/);
    await expect(resolveTarget(new URL(url), true, lookup)).resolves.toBeTruthy();
  });

  it("refuses names that do not resolve, other schemes and credentials", async () => {
    await expect(resolveTarget(new URL("https://nowhere.example.com/"), true, lookup)).rejects.toThrow(/could not be resolved/);
    await expect(resolveTarget(new URL("ftp://hooks.example.com/"), true, lookup)).rejects.toThrow(/http and https/);
    await expect(resolveTarget(new URL("https://user:pw@hooks.example.com/"), true, lookup)).rejects.toThrow(/username or password/);
  });
});

describe("webhookUrlSchema", () => {
  it("accepts http(s) URLs and drops the fragment", () => {
    expect(webhookUrlSchema.parse(" https://hooks.example.com/in?x=1#frag ")).toBe("https://hooks.example.com/in?x=1");
  });

  it.each(["file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)", "https://user:pw@example.com/", "not a url", `https://example.com/${"a".repeat(2000)}`])(
    "refuses %s",
    (url) => {
      expect(webhookUrlSchema.safeParse(url).success).toBe(false);
    },
  );
});
