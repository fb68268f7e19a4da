-- Every list is cursor-paginated on (createdAt, id) (lib/db/keyset-page.ts): each index
-- below serves one list's filter, order and cursor comparison without a sort.

-- Members of an org, oldest first; and the orgs of a user, in the order they joined.
CREATE INDEX "memberships_orgId_createdAt_id_idx" ON "memberships"("orgId", "createdAt", "id");
DROP INDEX "memberships_userId_idx";
CREATE INDEX "memberships_userId_createdAt_id_idx" ON "memberships"("userId", "createdAt", "id");

-- Pending invitations and API keys, newest first: the id now breaks ties in the index too.
DROP INDEX "invitations_orgId_createdAt_idx";
CREATE INDEX "invitations_orgId_createdAt_id_idx" ON "invitations"("orgId", "createdAt" DESC, "id" DESC);
DROP INDEX "api_keys_orgId_createdAt_idx";
CREATE INDEX "api_keys_orgId_createdAt_id_idx" ON "api_keys"("orgId", "createdAt" DESC, "id" DESC);

-- A user's sessions and security history, newest first.
CREATE INDEX "user_sessions_userId_createdAt_id_idx" ON "user_sessions"("userId", "createdAt" DESC, "id" DESC);
DROP INDEX "security_events_userId_createdAt_idx";
CREATE INDEX "security_events_userId_createdAt_id_idx" ON "security_events"("userId", "createdAt" DESC, "id" DESC);
