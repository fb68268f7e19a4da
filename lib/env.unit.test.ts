import { describe, expect, it } from "vitest";

const base = { DATABASE_URL: "postgres://u@localhost/db", NEXTAUTH_SECRET: "s".repeat(32) };

describe("env parsing", async () => {
  process.env.DATABASE_URL ??= base.DATABASE_URL;
  process.env.NEXTAUTH_SECRET ??= base.NEXTAUTH_SECRET;
  const { parseEnv, usesLocalStripe } = await import("./env");

  it("accepts the minimum and fills defaults", () => {
    const env = parseEnv({ ...base, NODE_ENV: "development" });
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.APP_ENV).toBe("local");
    expect(env.RATE_LIMIT_MULTIPLIER).toBe(1);
  });

  it("treats production as production unless told otherwise", () => {
    expect(parseEnv({ ...base, NODE_ENV: "production" }).APP_ENV).toBe("production");
    expect(parseEnv({ ...base, NODE_ENV: "production", APP_ENV: "test" }).APP_ENV).toBe("test");
  });

  it("names every missing or malformed variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url", NEXTAUTH_SECRET: "short" })).toThrow(/DATABASE_URL[\s\S]*NEXTAUTH_SECRET/);
  });

  it("parses how the client IP is found", () => {
    const defaults = parseEnv(base);
    expect(defaults.TRUSTED_PROXY_HOPS).toBe(0);
    expect(defaults.TRUSTED_IP_HEADER).toBeUndefined();
    expect(parseEnv({ ...base, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(parseEnv({ ...base, TRUSTED_IP_HEADER: "CF-Connecting-IP" }).TRUSTED_IP_HEADER).toBe("cf-connecting-ip");
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: "one" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ ...base, TRUSTED_IP_HEADER: "x real ip" })).toThrow(/TRUSTED_IP_HEADER/);
    expect(() => parseEnv({ ...base, TRUSTED_IP_HEADER: "x-real-ip", TRUSTED_PROXY_HOPS: "1" })).toThrow(/TRUSTED_IP_HEADER/);
  });

  it("parses the production opt-ins", () => {
    expect(parseEnv({ ...base, DEV_OUTBOX: "on", SEED_DEMO: "on" })).toMatchObject({ DEV_OUTBOX: "on", SEED_DEMO: "on" });
    expect(parseEnv({ ...base, DEV_OUTBOX: "" }).DEV_OUTBOX).toBeUndefined();
    expect(() => parseEnv({ ...base, DEV_OUTBOX: "yes" })).toThrow(/DEV_OUTBOX/);
  });

  it("requires OAuth and Upstash settings in pairs", () => {
    expect(() => parseEnv({ ...base, GITHUB_ID: "id" })).toThrow(/GITHUB_SECRET/);
    expect(() => parseEnv({ ...base, UPSTASH_REDIS_REST_TOKEN: "t" })).toThrow(/UPSTASH_REDIS_REST_URL/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...base, RESEND_API_KEY: "", REDIS_URL: "" }).RESEND_API_KEY).toBeUndefined();
  });

  it("knows billing talks to the local Stripe stand-in only for a loopback API URL outside production", () => {
    const local = { ...base, STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_API_URL: "http://127.0.0.1:4242" };
    expect(usesLocalStripe(parseEnv({ ...local, NODE_ENV: "development" }))).toBe(true);
    expect(usesLocalStripe(parseEnv({ ...local, STRIPE_API_URL: "http://localhost:4242" }))).toBe(true);
    expect(usesLocalStripe(parseEnv({ ...local, STRIPE_API_URL: "http://[::1]:4242" }))).toBe(true);
    // `next start` in the test suites: a production build, not a production deployment.
    expect(usesLocalStripe(parseEnv({ ...local, NODE_ENV: "production", APP_ENV: "test" }))).toBe(true);

    expect(usesLocalStripe(parseEnv({ ...local, NODE_ENV: "production" }))).toBe(false);
    expect(usesLocalStripe(parseEnv({ ...local, APP_ENV: "production" }))).toBe(false);
    expect(usesLocalStripe(parseEnv({ ...local, STRIPE_API_URL: "https://api.stripe.com" }))).toBe(false);
    expect(usesLocalStripe(parseEnv({ ...local, STRIPE_API_URL: "http://127.0.0.1.example.com" }))).toBe(false);
    expect(usesLocalStripe(parseEnv({ ...local, STRIPE_API_URL: "" }))).toBe(false);
    expect(usesLocalStripe(parseEnv(base))).toBe(false);
  });
});
