import pg from "pg";

/**
 * The e2e server's own database (e2e/support/serve.ts makes one per port), for the few
 * states a browser cannot reach in a test's time, such as a sign-in older than ten minutes.
 */
function databaseUrl(): string {
  const url = new URL(process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/tenantkit_e2e_${process.env.E2E_PORT ?? "3300"}`;
  return url.toString();
}

/** Makes every sign-in of `email` older than the re-authentication window, as if it happened an hour ago. */
export async function ageSignIns(email: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(
      `update user_sessions set "authenticatedAt" = now() - interval '1 hour'
       where "userId" = (select id from users where email = $1)`,
      [email.toLowerCase()],
    );
  } finally {
    await client.end();
  }
}

/** Puts the org `slug` on `plan`, as billing would once Stripe confirms it (for features a plan gates). */
export async function setOrgPlan(slug: string, plan: "free" | "pro" | "enterprise", seatsPurchased: number | null = null): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(`update organizations set plan = $2, "seatsPurchased" = $3 where slug = $1`, [slug, plan, seatsPurchased]);
  } finally {
    await client.end();
  }
}

/** Makes the org's grace period after a failed payment run out a minute ago: the org is read-only. */
export async function endGracePeriod(slug: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(`update organizations set "billingGraceEndsAt" = now() - interval '1 minute' where slug = $1`, [slug]);
  } finally {
    await client.end();
  }
}
