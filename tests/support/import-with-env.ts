import { vi } from "vitest";

/** Enough for `lib/env.ts` to parse; modules under test that need a database set their own. */
const baseline = {
  DATABASE_URL: "postgres://unused@127.0.0.1:5432/unused",
  NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0000",
};

/**
 * `lib/env.ts` parses process.env once, at first import. To test a module under another
 * environment, stub the variables, drop the module cache and import it afresh.
 * Pair with `vi.unstubAllEnvs()` in afterEach.
 */
export async function importWithEnv<T>(vars: Record<string, string>, load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  for (const [name, value] of Object.entries({ ...baseline, ...vars })) vi.stubEnv(name, value);
  return load();
}
