-- app_enter_as_member (request_entry) decides in SQL whether the token it is given is one the
-- app will accept: a live session row, the user's current session version, the two-factor step
-- done. Only then does it record activity on the session and scope the transaction to the org
-- (and only when the org's two-factor requirement is met). The app still checks every one of
-- these (lib/auth/live-session.ts), and refuses with the reason; what changes is that nothing the
-- entry makes possible happens for a token that will be refused:
-- - a read sent in the same message as the entry, with its COMMIT (lib/db/sql.ts, readAfterEntry),
--   sees no tenant rows;
-- - a stale token (an older session version: after a password change) or a session that has not
--   finished its two-factor step no longer moves the session's "last seen", which the account's
--   sessions list shows. Before, only the transaction's rollback undid that, and the dashboard's
--   lookup (outside a transaction) kept it.
-- A live session refused for something else (not a member of the org, its role, a rate limit)
-- is still seen: the person holding it was there.
-- The arguments gain the token's session version, so the old signature is dropped.
DROP FUNCTION public.app_enter_as_member(text, text, text, boolean);

CREATE FUNCTION public.app_enter_as_member(p_user_id text, p_session_id text, p_session_version integer, p_slug text, p_with_orgs boolean DEFAULT false)
  RETURNS TABLE (
    "sessionVersion" integer,
    "sessionId" text,
    "authenticatedAt" timestamp(3),
    "twoFactorPending" boolean,
    "userName" text,
    "email" text,
    "image" text,
    "twoFactorEnabled" boolean,
    "role" public."Role",
    "orgId" text,
    "orgSlug" text,
    "orgName" text,
    "orgPersonal" boolean,
    "requireTwoFactor" boolean,
    "plan" text,
    "billingGraceEndsAt" timestamp(3),
    "readOnly" boolean,
    "orgs" jsonb
  )
  LANGUAGE plpgsql VOLATILE
  AS $$
#variable_conflict use_column
BEGIN
  PERFORM pg_catalog.set_config('role', 'tenantkit_app', true),
          pg_catalog.set_config('app.user_id', p_user_id, true),
          pg_catalog.set_config('app.org_id', '', true),
          pg_catalog.set_config('app.api_key_id', '', true);

  SELECT u."sessionVersion", s.id, s."authenticatedAt", s."twoFactorPending",
         u.name, u.email, u.image, u."twoFactorEnabledAt" IS NOT NULL,
         m.role, o.id, o.slug, o.name, o.personal, o."requireTwoFactor", o.plan,
         o."billingGraceEndsAt", o."billingGraceEndsAt" <= now()
    INTO "sessionVersion", "sessionId", "authenticatedAt", "twoFactorPending",
         "userName", "email", "image", "twoFactorEnabled",
         "role", "orgId", "orgSlug", "orgName", "orgPersonal", "requireTwoFactor", "plan",
         "billingGraceEndsAt", "readOnly"
  FROM public.users u
  LEFT JOIN public.user_sessions s ON s.id = p_session_id AND s."userId" = u.id AND s."revokedAt" IS NULL
  LEFT JOIN (public.memberships m JOIN public.organizations o ON o.id = m."orgId" AND o.slug = p_slug)
    ON m."userId" = u.id
  WHERE u.id = p_user_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;

  IF "sessionId" IS NULL OR "sessionVersion" IS DISTINCT FROM p_session_version OR "twoFactorPending" THEN
    RETURN NEXT;
    RETURN;
  END IF;

  UPDATE public.user_sessions s SET "lastSeenAt" = now()
  WHERE s.id = p_session_id AND s."userId" = p_user_id AND s."lastSeenAt" < now() - interval '1 minute';

  IF "orgId" IS NOT NULL AND ("twoFactorEnabled" OR NOT "requireTwoFactor") THEN
    PERFORM pg_catalog.set_config('app.org_id', "orgId", true);
  END IF;

  IF p_with_orgs THEN
    SELECT coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'personal', o.personal, 'role', m.role)
                              ORDER BY o.personal DESC, o.name), '[]'::jsonb)
      INTO "orgs"
    FROM public.memberships m JOIN public.organizations o ON o.id = m."orgId"
    WHERE m."userId" = p_user_id;
  END IF;
  RETURN NEXT;
END
$$;

REVOKE ALL ON FUNCTION public.app_enter_as_member(text, text, integer, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.app_enter_as_member(text, text, integer, text, boolean) TO tenantkit_app;
