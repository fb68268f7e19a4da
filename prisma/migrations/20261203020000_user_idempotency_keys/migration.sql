-- Idempotency keys of account routes (withUser: creating an org, accepting an invitation,
-- an email change, two-factor setup and recovery codes): the same first-answer store as
-- idempotency_keys, kept per user instead of per org and caller (lib/idempotency).

-- CreateTable
CREATE TABLE "user_idempotency_keys" (
    "userId" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER,
    "response" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_idempotency_keys_pkey" PRIMARY KEY ("userId","keyHash")
);

-- CreateIndex
CREATE INDEX "user_idempotency_keys_createdAt_idx" ON "user_idempotency_keys"("createdAt");

-- AddForeignKey
ALTER TABLE "user_idempotency_keys" ADD CONSTRAINT "user_idempotency_keys_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Below: what Prisma's schema cannot say.

-- A request claims its key and records its answer in its own user transaction (withUser);
-- expired rows go in the hourly purge below, so the app needs no DELETE.
GRANT SELECT, INSERT, UPDATE ON "user_idempotency_keys" TO tenantkit_app;
ALTER TABLE "user_idempotency_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "user_idempotency_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY "user_idempotency_keys_user_isolation" ON "user_idempotency_keys" TO tenantkit_app
  USING ("userId" = app_current_user_id())
  WITH CHECK ("userId" = app_current_user_id());
-- The purge runs as the owner (SECURITY DEFINER), to which FORCE applies too.
CREATE POLICY "user_idempotency_keys_owner" ON "user_idempotency_keys" TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- app_claim_idempotency_key's twin for a user's keys: the same claim, the same 50 ms wait
-- for a first request that has not committed (SQLSTATE 55P03, answered with 409), and the
-- stored row back when the key is taken. SECURITY INVOKER: row-level security confines it
-- to the transaction's user.
CREATE FUNCTION app_claim_user_idempotency_key(p_user_id TEXT, p_key_hash TEXT, p_fingerprint TEXT)
  RETURNS TABLE (claimed BOOLEAN, stored_fingerprint TEXT, stored_status INTEGER, stored_response BYTEA)
  LANGUAGE plpgsql VOLATILE
  SET lock_timeout = '50ms'
  AS $$
BEGIN
  RETURN QUERY
    INSERT INTO public.user_idempotency_keys AS k ("userId", "keyHash", fingerprint)
    VALUES (p_user_id, p_key_hash, p_fingerprint)
    ON CONFLICT ("userId", "keyHash") DO UPDATE
      SET fingerprint = excluded.fingerprint, status = NULL, response = NULL, "createdAt" = CURRENT_TIMESTAMP
      WHERE k."createdAt" <= CURRENT_TIMESTAMP - interval '24 hours'
    RETURNING true, NULL::TEXT, NULL::INTEGER, NULL::BYTEA;
  IF NOT FOUND THEN
    -- A statement of its own: it sees a row committed while the insert above waited for it.
    RETURN QUERY
      SELECT false, k.fingerprint, k.status, k.response FROM public.user_idempotency_keys k
      WHERE k."userId" = p_user_id AND k."keyHash" = p_key_hash;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION app_claim_user_idempotency_key(TEXT, TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_claim_user_idempotency_key(TEXT, TEXT, TEXT) TO tenantkit_app;

-- The hourly purge now empties both stores of rows past their 24 hours. CREATE OR REPLACE
-- keeps the function's owner and grants.
CREATE OR REPLACE FUNCTION public.app_purge_idempotency_keys() RETURNS INTEGER
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH org_keys AS (
      DELETE FROM public.idempotency_keys WHERE "createdAt" <= CURRENT_TIMESTAMP - interval '24 hours' RETURNING 1),
    user_keys AS (
      DELETE FROM public.user_idempotency_keys WHERE "createdAt" <= CURRENT_TIMESTAMP - interval '24 hours' RETURNING 1)
    SELECT ((SELECT count(*) FROM org_keys) + (SELECT count(*) FROM user_keys))::INTEGER
  $$;
