import { describe, expect, it } from "vitest";

const base = { DATABASE_URL: "postgres://u@localhost/db", NEXTAUTH_SECRET: "s".repeat(32) };

describe("env parsing", async () => {
  process.env.DATABASE_URL ??= base.DATABASE_URL;
  process.env.NEXTAUTH_SECRET ??= base.NEXTAUTH_SECRET;
  const { parseEnv } = await import("./env");

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

  it("requires OAuth and Upstash settings in pairs", () => {
    expect(() => parseEnv({ ...base, GITHUB_ID: "id" })).toThrow(/GITHUB_SECRET/);
    expect(() => parseEnv({ ...base, UPSTASH_REDIS_REST_TOKEN: "t" })).toThrow(/UPSTASH_REDIS_REST_URL/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...base, RESEND_API_KEY: "", REDIS_URL: "" }).RESEND_API_KEY).toBeUndefined();
  });
});
