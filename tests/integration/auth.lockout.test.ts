import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { RATE_LIMITED } from "@/lib/auth/sign-in-codes";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { importWithEnv } from "../support/import-with-env";

// The auth code in this process, on the real Redis with production limits (multiplier 1);
// a fresh key prefix is not needed: every run uses new users and IPs.
let checkPassword: typeof import("@/lib/auth/authorize-password").checkPassword;
let rateLimit: typeof import("@/lib/rate-limit").rateLimit;
let sendMagicLink: typeof import("@/lib/auth/magic-link").sendMagicLink;

beforeAll(async () => {
  ({ checkPassword, rateLimit, sendMagicLink } = await importWithEnv(
    { DATABASE_URL: inject("appDatabaseUrl"), REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", RATE_LIMIT_MULTIPLIER: "1", DATA_DIR: inject("dataDir"), APP_ENV: "test" },
    async () => ({ ...(await import("@/lib/auth/authorize-password")), ...(await import("@/lib/rate-limit")), ...(await import("@/lib/auth/magic-link")) }),
  ));
});
afterAll(() => vi.unstubAllEnvs());

const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

async function attempt(email: string, password: string, from: string): Promise<"ok" | "wrong" | "limited"> {
  try {
    return (await checkPassword(email, password, { ip: from })) ? "ok" : "wrong";
  } catch (error) {
    if (error instanceof Error && error.message === RATE_LIMITED) return "limited";
    throw error;
  }
}

describe("rate limits that do not lock out the victim", () => {
  it("a stranger's wrong passwords block the stranger, not the owner's sign-in from another network, magic link or sign-up", async () => {
    const victim = await createUser("Lockout Victim");
    const stranger = ip();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt(victim.email, `guess-number-${i}`, stranger));
    expect(results).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong", "limited"]);
    // Even the right password is refused from the stranger's address now.
    expect(await attempt(victim.email, TEST_PASSWORD, stranger)).toBe("limited");

    const home = ip();
    expect(await attempt(victim.email, TEST_PASSWORD, home)).toBe("ok");
    expect((await rateLimit("auth:magic-link:email-ip", `${victim.email}|${home}`)).success).toBe(true);
    expect((await rateLimit("auth:magic-link:email", victim.email)).success).toBe(true);
    expect((await rateLimit("auth:sign-up-email", victim.email)).success).toBe(true);
  });

  it("a stranger asking for magic links to the owner's address uses up only the stranger's bucket", async () => {
    const victim = await createUser("Link Victim");
    const stranger = ip();
    const asked = [];
    for (let i = 0; i < 6; i++) asked.push((await sendMagicLink({ to: victim.email, url: "http://127.0.0.1/x", expires: new Date(Date.now() + 60_000) }, { ip: stranger }).then(() => "sent", (e: Error) => e.message)));
    expect(asked).toEqual(["sent", "sent", "sent", "sent", "sent", RATE_LIMITED]);
    await expect(sendMagicLink({ to: victim.email, url: "http://127.0.0.1/y", expires: new Date(Date.now() + 60_000) }, { ip: ip() })).resolves.toBeUndefined();
  });

  it("counts only failures, and limits one address spraying many accounts", async () => {
    const owner = await createUser("Frequent Signer");
    const home = ip();
    for (let i = 0; i < 8; i++) expect(await attempt(owner.email, TEST_PASSWORD, home)).toBe("ok");

    const sprayer = ip();
    const outcomes = [];
    for (let i = 0; i < 31; i++) outcomes.push(await attempt(`nobody.${i}.${randomUUID()}@example.test`, "password-spray-1", sprayer));
    expect(outcomes.slice(0, 30).every((o) => o === "wrong")).toBe(true);
    expect(outcomes[30]).toBe("limited");
  });
});
