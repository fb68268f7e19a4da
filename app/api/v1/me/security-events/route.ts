import { withUser } from "@/lib/api/with-user";
import { db } from "@/lib/db/client";
import { securityEventListSchema } from "@/lib/auth/schemas";
import { listSecurityEvents } from "@/lib/auth/security-events";

export const GET = withUser({ summary: "List your security events", response: securityEventListSchema }, async ({ principal }) => ({
  events: await listSecurityEvents(db, principal.userId),
}));
