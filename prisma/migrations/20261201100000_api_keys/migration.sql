-- API keys: an org's credentials for calling /api/v1 from its own code (lib/api-keys).

-- CreateEnum
CREATE TYPE "ApiKeyRole" AS ENUM ('read_only', 'read_write');

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "ApiKeyRole" NOT NULL,
    "publicId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_publicId_key" ON "api_keys"("publicId");

-- CreateIndex
CREATE INDEX "api_keys_orgId_createdAt_idx" ON "api_keys"("orgId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Below: what Prisma's schema cannot say.

-- The public id of the key a request presents, set by the transaction's first statement
-- (lib/db/tenant-transaction.ts) before the org is known: like the invitation token, it lets
-- the request read the one key it names, in the same query that resolves the org.
CREATE FUNCTION app_current_api_key_id() RETURNS TEXT
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.api_key_id', true), '') $$;
GRANT EXECUTE ON FUNCTION app_current_api_key_id() TO tenantkit_app;

-- Keys are revoked, never deleted by the app, so the audit log's actor ids keep their meaning.
GRANT SELECT, INSERT, UPDATE ON "api_keys" TO tenantkit_app;
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY "api_keys_read" ON "api_keys" FOR SELECT
  USING ("orgId" = app_current_org_id() OR "publicId" = app_current_api_key_id());
CREATE POLICY "api_keys_insert" ON "api_keys" FOR INSERT
  WITH CHECK ("orgId" = app_current_org_id());
-- The presented key may record its own last use; everything else is confined to the org.
CREATE POLICY "api_keys_update" ON "api_keys" FOR UPDATE
  USING ("orgId" = app_current_org_id() OR "publicId" = app_current_api_key_id())
  WITH CHECK ("orgId" = app_current_org_id() OR "publicId" = app_current_api_key_id());
