-- Search that scales: `GET /api/v1/orgs/:org/projects?q=` (lib/projects/search.ts) matches a
-- case-insensitive substring of name or description. This lets it read the caller's org's
-- matches through an index instead of every project of the org.

-- pg_trgm indexes the three-letter pieces of text that ILIKE '%…%' can be checked against;
-- btree_gin lets the same GIN index start with "orgId", so a search never gathers other orgs'
-- matches only to throw them away. Both are trusted extensions (PostgreSQL 13+): the owner of
-- the database may create them, no superuser needed. IF NOT EXISTS: an extension belongs to the
-- database, and may be there already.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- Built inside the migration's transaction, so writes to projects wait while it builds (about
-- 3.5 minutes for a million projects on a small machine). To avoid that on a large table, run
-- this statement with CONCURRENTLY by hand first; IF NOT EXISTS then skips it here.
CREATE INDEX IF NOT EXISTS "projects_orgId_search_idx" ON "projects"
  USING GIN ("orgId" text_ops, "name" gin_trgm_ops, "description" gin_trgm_ops);

-- Below: what Prisma's schema cannot say.

-- Row-level security evaluates its policy before any condition of the query that is not
-- LEAKPROOF, and such a condition cannot be an index condition either. ILIKE is not marked
-- leakproof (an ILIKE whose pattern is a column can fail with an error that tells something
-- about a row the policy hides), so under the policy on projects the planner may use the index
-- above for "orgId" only and then reads every project of the org: the search it is for.
-- Marking ILIKE's function leakproof lets the planner use the index for the pattern too.
--
-- It gives nothing away here. Leakproofness guards against someone who runs their own SQL as
-- the request role; Tenantkit's request role runs only the app's queries (patterns are
-- parameters, never columns), and whoever could run their own SQL as it could as well set
-- app.org_id to any org. Row-level security here is the second lock against a query that
-- forgot its org filter (docs/security.md), and it stays exactly that. If you ever let end users
-- run SQL against this database directly (PostgREST and the like), undo this first.
--
-- Only a superuser may mark a function leakproof. Migrations here run as one (the embedded
-- database and the test server do); where the owner is not (most hosted Postgres services),
-- search stays correct and reads the org's projects as before, and this says so. The mark is
-- a property of a built-in function, so a dump or an upgrade to a new cluster does not carry
-- it over: run the ALTER below again there (tests/integration/projects.search.test.ts fails
-- without it).
DO $$
BEGIN
  IF current_setting('is_superuser') = 'on' THEN
    ALTER FUNCTION pg_catalog.texticlike(text, text) LEAKPROOF;
  ELSE
    RAISE WARNING 'Project search will not use its index: only a superuser can run ALTER FUNCTION pg_catalog.texticlike(text, text) LEAKPROOF (see prisma/migrations/20261203010000_project_search).';
  END IF;
END
$$;
