import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";

/** The measured org holds at most this many projects; the rest of --rows goes to the other orgs. */
export const ACME_MAX_PROJECTS = 10_000;
const CHUNK = 100_000;
/** Projects' creation times spread over this many days back from now, in every org. */
const HISTORY_DAYS = 730;

export type Seeded = {
  acme: { slug: string; orgId: string; email: string; password: string; projects: number };
  /** The newest of acme's projects, for the get-one route. */
  projectId: string;
  seconds: number;
};

/**
 * Fills a freshly migrated database with `orgs` organisations, each with an owner and a
 * membership, and `rows` projects, in a handful of set-based statements run as the owner
 * role (row-level security does not apply to it). Org 1 is "acme", on the Pro plan, with
 * min(rows, 10000) projects and an owner who signs in with a real password; the other orgs
 * share what is left, round robin. In every org one project in ten mentions "needle".
 * Ids carry a random tag per run so that the rate limiter's Redis keys never meet an earlier run's.
 */
export async function seed(ownerUrl: string, { rows, orgs }: { rows: number; orgs: number }, progress: (line: string) => void): Promise<Seeded> {
  const started = performance.now();
  const tag = randomBytes(3).toString("hex");
  const id = (kind: "u" | "o" | "m" | "p", n: number) => `c${kind}${tag}${String(n).padStart(12, "0")}`;
  const acmeProjects = Math.min(rows, ACME_MAX_PROJECTS);
  const others = orgs - 1;
  const perOtherOrg = others ? Math.ceil((rows - acmeProjects) / others) : 0;
  const password = randomBytes(12).toString("base64url");
  const email = "owner@acme.bench";

  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("begin");
    // $1 tag, $2 orgs, $3 acme's owner email
    const idOf = (kind: string, column: string) => `'c${kind}' || $1 || lpad(${column}::text, 12, '0')`;
    await client.query(
      `insert into users (id, name, email, "emailVerified", "updatedAt")
       select ${idOf("u", "g")}, 'Owner ' || g, case when g = 1 then $3 else 'owner-' || g || '@bench.test' end, now(), now()
       from generate_series(1, $2::int) g`,
      [tag, orgs, email],
    );
    await client.query(
      `insert into organizations (id, name, slug, plan, "updatedAt")
       select ${idOf("o", "g")}, case when g = 1 then 'Acme' else 'Bench org ' || g end,
              case when g = 1 then 'acme' else 'bench-org-' || g end, case when g = 1 then 'pro' else 'free' end, now()
       from generate_series(1, $2::int) g`,
      [tag, orgs],
    );
    await client.query(
      `insert into memberships (id, "orgId", "userId", role)
       select ${idOf("m", "g")}, ${idOf("o", "g")}, ${idOf("u", "g")}, 'owner' from generate_series(1, $2::int) g`,
      [tag, orgs],
    );
    await client.query(`insert into user_credentials ("userId", "passwordHash", "updatedAt") values ($1, $2, now())`, [id("u", 1), await hashPassword(password)]);

    // Project g belongs to acme while g <= acmeProjects, then to orgs 2..orgs in turn; i is its rank in its org.
    for (let from = 1; from <= rows; from += CHUNK) {
      const to = Math.min(rows, from + CHUNK - 1);
      await client.query(
        `with p as (
           select g,
                  case when g <= $4 then 1 else 2 + (g - $4 - 1) % greatest($2::int - 1, 1) end as org_no,
                  case when g <= $4 then g else (g - $4 - 1) / greatest($2::int - 1, 1) + 1 end as i,
                  case when g <= $4 then $4 else $5 end as in_org
           from generate_series($6::int, $7::int) g)
         insert into projects (id, "orgId", name, description, status, "createdById", "createdAt", "updatedAt")
         select ${idOf("p", "g")}, ${idOf("o", "org_no")}, 'Project ' || i,
                (array['Website redesign', 'Quarterly report', 'Mobile app', 'Data migration', 'Customer onboarding',
                       'Security review', 'Billing cleanup', 'Design system'])[1 + i % 8]
                  || ' for team ' || i % 37 || case when i % 10 = 0 then ', with a needle in it' else '' end,
                (case i % 20 when 7 then 'paused' when 13 then 'archived' else 'active' end)::"ProjectStatus",
                ${idOf("u", "org_no")},
                now() - make_interval(secs => i * $3::float8 / in_org),
                now() - make_interval(secs => i * $3::float8 / in_org)
         from p`,
        [tag, orgs, HISTORY_DAYS * 86_400, acmeProjects, Math.max(perOtherOrg, 1), from, to],
      );
      if (rows > CHUNK) progress(`  ${to.toLocaleString("en")} / ${rows.toLocaleString("en")} projects`);
    }
    await client.query("commit");
    await client.query("analyze");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return {
    acme: { slug: "acme", orgId: id("o", 1), email, password, projects: acmeProjects },
    projectId: id("p", 1),
    seconds: (performance.now() - started) / 1000,
  };
}
