import { withUser } from "@/lib/api/with-user";
import { db } from "@/lib/db/client";
import { listSecurityEvents } from "@/lib/auth/security-events";

export const GET = withUser({}, async ({ principal }) => ({ events: await listSecurityEvents(db, principal.userId) }));
