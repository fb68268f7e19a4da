-- One statement opens a request: it drops to the RLS-bound role, scopes the transaction to
-- the caller, records activity and resolves the org (lib/orgs/context.ts). Before this, the
-- role and scope took a statement of their own ahead of the resolving query.
--
-- The scope has to be in place before the tables are read, and a role or setting changed by
-- one part of a statement does not govern the rest of that statement. A plpgsql body runs
-- statement by statement: each statement after the first is planned and run as
-- tenantkit_app, under the scope set before it.
--
-- SECURITY INVOKER, and without a SET clause on purpose: a function with SET clauses undoes
-- every transaction-local setting made inside it when it returns, which would undo the scope.
-- Every name is schema-qualified, so the caller's search_path cannot redirect them.

-- A signed-in person: their session row while it is live (touched at most once a minute),
-- and their membership of the org `p_slug` names. The org scope is set only for a matching
-- membership, so a caller who is not a member leaves the transaction scoped to no org.
-- With `p_with_orgs`, also every org the person belongs to (the dashboard's switcher).
CREATE FUNCTION public.app_enter_as_member(p_user_id text, p_session_id text, p_slug text, p_with_orgs boolean DEFAULT false)
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

  UPDATE public.user_sessions s SET "lastSeenAt" = now()
  WHERE s.id = p_session_id AND s."userId" = p_user_id AND s."revokedAt" IS NULL
    AND s."lastSeenAt" < now() - interval '1 minute';

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

  PERFORM pg_catalog.set_config('app.org_id', coalesce("orgId", ''), true);

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

-- An org's API key, by the public id it presents: the key (readable by that id before the org
-- is known, see the api_keys migration), its org when that is the URL's org, a last-used time
-- written at most once a minute, and the org's metered API calls this calendar month (UTC),
-- for its quota. The caller compares the secret, in constant time.
CREATE FUNCTION public.app_enter_with_api_key(p_public_id text, p_slug text)
  RETURNS TABLE (
    "keyId" text,
    "keyName" text,
    "keyRole" public."ApiKeyRole",
    "prefix" text,
    "last4" text,
    "secretHash" text,
    "usable" boolean,
    "orgId" text,
    "orgSlug" text,
    "orgName" text,
    "orgPersonal" boolean,
    "plan" text,
    "seatsPurchased" integer,
    "billingGraceEndsAt" timestamp(3),
    "readOnly" boolean,
    "apiCallsThisMonth" bigint
  )
  LANGUAGE plpgsql VOLATILE
  AS $$
#variable_conflict use_column
DECLARE
  key_org text;
BEGIN
  PERFORM pg_catalog.set_config('role', 'tenantkit_app', true),
          pg_catalog.set_config('app.user_id', '', true),
          pg_catalog.set_config('app.org_id', '', true),
          pg_catalog.set_config('app.api_key_id', p_public_id, true);

  UPDATE public.api_keys k SET "lastUsedAt" = now()
  WHERE k."publicId" = p_public_id AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < now() - interval '1 minute');

  SELECT k.id, k.name, k.role, k.prefix, k.last4, k."secretHash",
         k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > now()),
         o.id, o.slug, o.name, o.personal, o.plan, o."seatsPurchased",
         o."billingGraceEndsAt", o."billingGraceEndsAt" <= now()
    INTO "keyId", "keyName", "keyRole", "prefix", "last4", "secretHash", "usable",
         "orgId", "orgSlug", "orgName", "orgPersonal", "plan", "seatsPurchased",
         "billingGraceEndsAt", "readOnly"
  FROM public.api_keys k
  LEFT JOIN public.organizations o ON o.id = k."orgId" AND o.slug = p_slug
  WHERE k."publicId" = p_public_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;

  key_org := "orgId";
  PERFORM pg_catalog.set_config('app.org_id', coalesce(key_org, ''), true);

  -- The counters are org-confined, so they are read once the scope is set. The month is the
  -- UTC calendar month, as in lib/billing/usage-counters.ts.
  SELECT coalesce(sum(c.quantity), 0)::bigint INTO "apiCallsThisMonth"
  FROM public.usage_counters c
  WHERE c."orgId" = key_org AND c.metric = 'api_calls'
    AND c.day >= date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  RETURN NEXT;
END
$$;

REVOKE ALL ON FUNCTION public.app_enter_as_member(text, text, text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.app_enter_with_api_key(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.app_enter_as_member(text, text, text, boolean) TO tenantkit_app;
GRANT EXECUTE ON FUNCTION public.app_enter_with_api_key(text, text) TO tenantkit_app;
