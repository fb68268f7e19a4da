import { vi } from "vitest";

/** Enough for `lib/env.ts` to parse; modules under test that need a database set their own. */
const baseline = {
  DATABASE_URL: "postgres://unused@127.0.0.1:5432/unused",
  NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0000",
};

// On globalThis: vi.resetModules gives this module a fresh instance too.
const BUILT_UNDER_STUBS = Symbol.for("tenantkit.tests.modules-built-under-stubbed-env");
const state = globalThis as typeof globalThis & { [BUILT_UNDER_STUBS]?: boolean };

/**
 * `lib/env.ts` parses process.env once, at first import. To test a module under another
 * environment, stub the variables, drop the module cache and import it afresh.
 * Pair with `vi.unstubAllEnvs()` in afterEach.
 *
 * The modules imported afresh share the process-wide resources built from the same settings
 * (lib/per-process.ts): under the suite's DATABASE_URL that is the suite's pool, which is not
 * the test's to end; under a database of the test's own it is that database's pool, which the
 * test ends (`db.$disconnect()`) with the database.
 */
export async function importWithEnv<T>(vars: Record<string, string>, load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  state[BUILT_UNDER_STUBS] = true;
  for (const [name, value] of Object.entries({ ...baseline, ...vars })) vi.stubEnv(name, value);
  return load();
}

/**
 * Test files share one module cache (isolate: false). Once a file that used importWithEnv ends,
 * the cache holds modules built for its variables: those it imported, and those that the code
 * it ran imported later (prisma/seed.ts imports lib/env.ts when called). Drops them all, so the
 * next file builds its own for the suite's variables. setup-env.ts runs it after every file.
 */
export function forgetModulesBuiltUnderStubs(): void {
  if (!state[BUILT_UNDER_STUBS]) return;
  vi.resetModules();
  state[BUILT_UNDER_STUBS] = false;
}
