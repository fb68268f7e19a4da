-- Owner guard: every organization keeps at least one owner, whatever runs at the same time.
-- No table changes; everything here is below the line.

-- Below: what Prisma's schema cannot say.

-- Runs at commit (a deferred constraint trigger), once per owner row that was demoted or
-- deleted, so a transfer may demote the old owner before or after it promotes the new one.
--
-- Concurrency: two transactions demoting different owners touch different rows, so row locks
-- alone would let both see the other's owner still there. Locking the org row first makes
-- every such commit in one org wait for the one before; under READ COMMITTED the count that
-- follows takes a fresh snapshot and sees what that commit did. FOR NO KEY UPDATE, not
-- FOR UPDATE, so foreign-key checks (inserts into the org's tables) are not blocked by it.
--
-- An org that no longer exists (deleted with its memberships, or with the account whose
-- personal org it was) has nobody left to keep, so it passes.
--
-- SECURITY DEFINER: the memberships count must not depend on what the request's role may see.
-- The owner is subject to the tables' FORCE ROW LEVEL SECURITY too, so the function scopes
-- itself to the affected org for the count and then restores the caller's scope (a
-- transaction that changed several orgs reaches here scoped to the last one only).
CREATE FUNCTION app_assert_org_has_owner() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  org_id TEXT := OLD."orgId";
  caller_scope TEXT := current_setting('app.org_id', true);
  owners INTEGER;
BEGIN
  PERFORM 1 FROM public.organizations WHERE id = org_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  PERFORM set_config('app.org_id', org_id, true);
  SELECT count(*) INTO owners FROM public.memberships WHERE "orgId" = org_id AND role = 'owner';
  PERFORM set_config('app.org_id', coalesce(caller_scope, ''), true);

  IF owners = 0 THEN
    -- lib/api/handler.ts maps this SQLSTATE to a 409.
    RAISE EXCEPTION 'organization % would be left without an owner', org_id
      USING ERRCODE = 'TK001',
            HINT = 'Make someone else an owner first, or delete the organization.';
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION app_assert_org_has_owner() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER "memberships_keep_an_owner"
  AFTER UPDATE OR DELETE ON "memberships"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (OLD.role = 'owner')
  EXECUTE FUNCTION app_assert_org_has_owner();
