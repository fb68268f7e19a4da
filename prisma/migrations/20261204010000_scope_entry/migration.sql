-- The opening statement of a transaction whose caller is already known (lib/db/tenant-transaction.ts:
-- a dashboard page after the layout's shared lookup, jobs, webhooks): the RLS-bound role, and the
-- org, person and API key it is scoped to. As a function it can travel in one message with its
-- BEGIN (Sql.call in lib/db/sql.ts), as the request entry functions do.
--
-- SECURITY INVOKER and without a SET clause, for the reason given in request_entry: a SET clause
-- would undo the transaction-local settings this function exists to make. It answers `true`
-- rather than void, which Prisma's raw queries cannot read.
CREATE FUNCTION public.app_enter_scope(p_org_id text, p_user_id text, p_api_key_id text)
  RETURNS boolean
  LANGUAGE plpgsql VOLATILE
  AS $$
BEGIN
  PERFORM pg_catalog.set_config('role', 'tenantkit_app', true),
          pg_catalog.set_config('app.org_id', p_org_id, true),
          pg_catalog.set_config('app.user_id', p_user_id, true),
          pg_catalog.set_config('app.api_key_id', p_api_key_id, true);
  RETURN true;
END
$$;

REVOKE ALL ON FUNCTION public.app_enter_scope(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.app_enter_scope(text, text, text) TO tenantkit_app;
