/** Shared by the test app server and the tests that mint its session cookies. */
export const TEST_SECRET = "tenantkit-test-secret-that-is-at-least-32-chars";

export function testDatabaseMode(): "postgres" | "pglite" {
  return process.env.TEST_DB === "pglite" ? "pglite" : "postgres";
}
