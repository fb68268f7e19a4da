-- Outgoing webhooks: endpoints an org registers, and each event's delivery to one (lib/webhooks).

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "eventTypes" TEXT[],
    "secret" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL DEFAULT replace((gen_random_uuid())::text, '-'::text, ''::text),
    "orgId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "requestHeaders" JSONB,
    "responseStatus" INTEGER,
    "responseHeaders" JSONB,
    "responseBody" TEXT,
    "error" TEXT,
    "durationMs" INTEGER,
    "replayOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_endpoints_orgId_createdAt_idx" ON "webhook_endpoints"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_orgId_endpointId_createdAt_id_idx" ON "webhook_deliveries"("orgId", "endpointId", "createdAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Below: what Prisma's schema cannot say.

-- Request transactions manage endpoints but never read a signing secret back: they may write
-- "secret" (creating, rotating) and read every other column. The secret is stored in the clear
-- because the app must sign with it (a hash would not do) and the project has no key to
-- encrypt it under; column privileges keep it out of every request, like the TOTP secrets.
GRANT SELECT ("id", "orgId", "url", "description", "eventTypes", "disabledAt", "disabledReason", "consecutiveFailures", "createdAt", "updatedAt")
  ON "webhook_endpoints" TO tenantkit_app;
GRANT INSERT, UPDATE, DELETE ON "webhook_endpoints" TO tenantkit_app;
ALTER TABLE "webhook_endpoints" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_endpoints" FORCE ROW LEVEL SECURITY;
CREATE POLICY "webhook_endpoints_tenant_isolation" ON "webhook_endpoints" TO tenantkit_app
  USING ("orgId" = app_current_org_id())
  WITH CHECK ("orgId" = app_current_org_id());

GRANT SELECT, INSERT, UPDATE ON "webhook_deliveries" TO tenantkit_app;
ALTER TABLE "webhook_deliveries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY;
CREATE POLICY "webhook_deliveries_tenant_isolation" ON "webhook_deliveries" TO tenantkit_app
  USING ("orgId" = app_current_org_id())
  WITH CHECK ("orgId" = app_current_org_id());

-- The delivery job reads the secret it signs with as tenantkit_worker (the role every login
-- that runs jobs holds; lib/db/job-schema.ts creates it too, after the migrations, so a fresh
-- database needs it here first), still confined to the org it is scoped to.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tenantkit_worker') THEN
    CREATE ROLE tenantkit_worker NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
GRANT USAGE ON SCHEMA public TO tenantkit_worker;
GRANT EXECUTE ON FUNCTION app_current_org_id() TO tenantkit_worker;
GRANT SELECT ("id", "orgId", "secret") ON "webhook_endpoints" TO tenantkit_worker;
CREATE POLICY "webhook_endpoints_signing" ON "webhook_endpoints" FOR SELECT TO tenantkit_worker
  USING ("orgId" = app_current_org_id());

-- The delivery log is kept for WEBHOOKS_LOG_RETENTION_DAYS (payloads carry names and email
-- addresses). The daily purge (lib/webhooks/purge.ts) deletes across orgs, so it runs as the
-- owner through this function, which only the worker role may call: a request could otherwise
-- empty every org's log. Deliveries still waiting for an attempt are kept whatever their age.
CREATE POLICY "webhook_deliveries_owner" ON "webhook_deliveries" TO CURRENT_USER
  USING (true)
  WITH CHECK (true);
CREATE FUNCTION public.app_purge_webhook_deliveries(retention_days integer) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH purged AS (
      DELETE FROM public.webhook_deliveries
      WHERE status <> 'pending' AND "createdAt" < now() - make_interval(days => greatest(retention_days, 1))
      RETURNING 1)
    SELECT count(*)::integer FROM purged
  $$;
REVOKE ALL ON FUNCTION public.app_purge_webhook_deliveries(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.app_purge_webhook_deliveries(integer) TO tenantkit_worker;
