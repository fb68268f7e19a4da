import { withUser } from "@/lib/api/with-user";
import { isBefore } from "@/lib/api/versions";
import { securityEventListQuerySchema, securityEventListSchema } from "@/lib/auth/schemas";
import { listSecurityEvents } from "@/lib/auth/security-events";
import { db } from "@/lib/db/client";

// Version 2026-12-02 moved the list into the `{ data, nextCursor }` envelope; older versions keep `{ events }`.
export const GET = withUser(
  { summary: "List your security events", query: securityEventListQuerySchema, response: securityEventListSchema },
  async ({ principal, query, version }) => {
    const page = await listSecurityEvents(db, principal.userId, query);
    return isBefore(version, "2026-12-02") ? { events: page.data } : page;
  },
);
