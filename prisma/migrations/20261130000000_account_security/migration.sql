-- Account security: secrets move out of reach of request transactions, per-device
-- sessions, email verification, two-factor authentication, the account's security
-- history, org-level 2FA requirement and a platform log that outlives orgs.

-- CreateTable
CREATE TABLE "user_credentials" (
    "userId" TEXT NOT NULL,
    "passwordHash" TEXT,
    "totpSecret" TEXT,
    "totpLastStep" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_credentials_pkey" PRIMARY KEY ("userId")
);

-- Existing password hashes move with their users.
INSERT INTO "user_credentials" ("userId", "passwordHash", "updatedAt")
  SELECT "id", "passwordHash", CURRENT_TIMESTAMP FROM "users" WHERE "passwordHash" IS NOT NULL;

-- AlterTable
ALTER TABLE "users" DROP COLUMN "passwordHash",
ADD COLUMN     "twoFactorEnabledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "recovery_codes" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "authenticatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "twoFactorPending" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_verifications" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security_events" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "details" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recovery_codes_userId_idx" ON "recovery_codes"("userId");

-- CreateIndex
CREATE INDEX "user_sessions_userId_lastSeenAt_idx" ON "user_sessions"("userId", "lastSeenAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "email_verifications_tokenHash_key" ON "email_verifications"("tokenHash");

-- CreateIndex
CREATE INDEX "email_verifications_userId_idx" ON "email_verifications"("userId");

-- CreateIndex
CREATE INDEX "security_events_userId_createdAt_idx" ON "security_events"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "platform_events_type_createdAt_idx" ON "platform_events"("type", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "user_credentials" ADD CONSTRAINT "user_credentials_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_verifications" ADD CONSTRAINT "email_verifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Below: what Prisma's schema cannot say.

-- The auth code paths' role: the only one that reads password hashes, TOTP secrets,
-- recovery codes, OAuth tokens and verification tokens. The app's login is granted it
-- (below, and in README step 2); request transactions switch to tenantkit_app, which
-- holds none of it, so a query there cannot read a secret even by mistake.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tenantkit_auth') THEN
    CREATE ROLE tenantkit_auth NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
GRANT tenantkit_auth TO CURRENT_USER;
-- Logins that already run the app get the auth role too, so an upgrade keeps signing people in.
DO $$
DECLARE login record;
BEGIN
  FOR login IN
    SELECT member.rolname FROM pg_auth_members am
      JOIN pg_roles grp ON grp.oid = am.roleid
      JOIN pg_roles member ON member.oid = am.member
    WHERE grp.rolname = 'tenantkit_app' AND member.rolcanlogin AND NOT member.rolsuper
  LOOP
    EXECUTE format('GRANT tenantkit_auth TO %I', login.rolname);
  END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO tenantkit_auth;
GRANT SELECT, INSERT, UPDATE, DELETE ON "users", "accounts", "verification_tokens", "user_credentials",
  "recovery_codes", "user_sessions", "email_verifications", "security_events" TO tenantkit_auth;
GRANT SELECT ON "organizations", "memberships" TO tenantkit_auth;

-- Request transactions lose OAuth tokens and magic-link tokens.
REVOKE ALL ON "accounts", "verification_tokens" FROM tenantkit_app;
-- They may see and end the caller's own sessions and read the caller's security history.
GRANT SELECT, UPDATE ON "user_sessions" TO tenantkit_app;
GRANT SELECT, INSERT ON "security_events" TO tenantkit_app;
-- The platform log outlives orgs and users; the app may add to it, never read or change it.
GRANT INSERT ON "platform_events" TO tenantkit_app;

-- Rows of one user: the app role sees the caller's own (app.user_id); the auth role, whose
-- queries always name the user, sees all. Policies name their roles, so each applies only there.
ALTER TABLE "user_sessions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "user_sessions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "user_sessions_owner" ON "user_sessions" TO tenantkit_app
  USING ("userId" = app_current_user_id()) WITH CHECK ("userId" = app_current_user_id());
CREATE POLICY "user_sessions_auth" ON "user_sessions" TO tenantkit_auth
  USING (true) WITH CHECK (true);

ALTER TABLE "security_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "security_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "security_events_owner" ON "security_events" TO tenantkit_app
  USING ("userId" = app_current_user_id()) WITH CHECK ("userId" = app_current_user_id());
CREATE POLICY "security_events_auth" ON "security_events" TO tenantkit_auth
  USING (true) WITH CHECK (true);
