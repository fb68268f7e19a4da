-- Idempotency keys: the first answer to a POST sent with an Idempotency-Key header, kept for
-- 24 hours so that a retry gets it again instead of doing the work twice (lib/idempotency).

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "orgId" TEXT NOT NULL,
    "caller" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER,
    "response" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("orgId","caller","keyHash")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_createdAt_idx" ON "idempotency_keys"("createdAt");

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Below: what Prisma's schema cannot say.

-- A request claims its key and records its answer in its own org transaction; expired rows
-- are deleted by app_purge_idempotency_keys below, so the app needs no DELETE.
GRANT SELECT, INSERT, UPDATE ON "idempotency_keys" TO tenantkit_app;
ALTER TABLE "idempotency_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "idempotency_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY "idempotency_keys_tenant_isolation" ON "idempotency_keys" TO tenantkit_app
  USING ("orgId" = app_current_org_id())
  WITH CHECK ("orgId" = app_current_org_id());
-- The purge deletes every org's expired rows in one statement, as the owner (the function
-- below): FORCE ROW LEVEL SECURITY applies to the owner too, so it gets a policy of its own.
CREATE POLICY "idempotency_keys_owner" ON "idempotency_keys" TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- Claims a key in the calling request's transaction, or returns what is stored under it.
-- `claimed` is true when the caller now holds the key: a new one, or one whose 24 hours are
-- over (it is taken over in place). Otherwise the stored row comes back, answer and all: a
-- claim commits only together with its answer (lib/idempotency/idempotent-request.ts).
--
-- A second request for a key whose first request has not committed waits on the unique
-- index; lock_timeout turns that wait into SQLSTATE 55P03 after a moment, which the app
-- answers with 409 idempotency_in_progress instead of holding a connection. SECURITY INVOKER:
-- row-level security confines it to the request's org.
CREATE FUNCTION app_claim_idempotency_key(p_org_id TEXT, p_caller TEXT, p_key_hash TEXT, p_fingerprint TEXT)
  RETURNS TABLE (claimed BOOLEAN, stored_fingerprint TEXT, stored_status INTEGER, stored_response BYTEA)
  LANGUAGE plpgsql VOLATILE
  SET lock_timeout = '50ms'
  AS $$
BEGIN
  RETURN QUERY
    INSERT INTO public.idempotency_keys AS k ("orgId", caller, "keyHash", fingerprint)
    VALUES (p_org_id, p_caller, p_key_hash, p_fingerprint)
    ON CONFLICT ("orgId", caller, "keyHash") DO UPDATE
      SET fingerprint = excluded.fingerprint, status = NULL, response = NULL, "createdAt" = CURRENT_TIMESTAMP
      WHERE k."createdAt" <= CURRENT_TIMESTAMP - interval '24 hours'
    RETURNING true, NULL::TEXT, NULL::INTEGER, NULL::BYTEA;
  IF NOT FOUND THEN
    -- A statement of its own: it sees a row committed while the insert above waited for it.
    RETURN QUERY
      SELECT false, k.fingerprint, k.status, k.response FROM public.idempotency_keys k
      WHERE k."orgId" = p_org_id AND k.caller = p_caller AND k."keyHash" = p_key_hash;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION app_claim_idempotency_key(TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_claim_idempotency_key(TEXT, TEXT, TEXT, TEXT) TO tenantkit_app;

-- The hourly purge (lib/idempotency/purge.ts): rows past their 24 hours, every org at once.
-- A key past its 24 hours is already treated as new by the claim above; this only keeps the
-- table small. SECURITY DEFINER with a fixed search_path, like app_record_usage.
CREATE FUNCTION public.app_purge_idempotency_keys() RETURNS INTEGER
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH purged AS (
      DELETE FROM public.idempotency_keys WHERE "createdAt" <= CURRENT_TIMESTAMP - interval '24 hours' RETURNING 1)
    SELECT count(*)::INTEGER FROM purged
  $$;
REVOKE ALL ON FUNCTION public.app_purge_idempotency_keys() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.app_purge_idempotency_keys() TO tenantkit_app;
