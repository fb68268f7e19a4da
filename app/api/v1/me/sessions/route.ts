import { withUser } from "@/lib/api/with-user";
import { isBefore } from "@/lib/api/versions";
import { sessionListQuerySchema, sessionListSchema } from "@/lib/auth/schemas";
import { endOtherSessions, listSessions } from "@/lib/auth/user-sessions";

// Version 2026-12-02 moved the list into the `{ data, nextCursor }` envelope; older versions keep `{ sessions }`.
export const GET = withUser(
  { summary: "List your sessions", query: sessionListQuerySchema, response: sessionListSchema },
  async ({ principal, session, query, version }) => {
    const page = await listSessions(principal.userId, session.id, query);
    return isBefore(version, "2026-12-02") ? { sessions: page.data } : page;
  },
);

/** Sign out everywhere else: this device stays signed in. */
export const DELETE = withUser({ summary: "Sign out all other sessions" }, async ({ principal, session, request }) => {
  await endOtherSessions(principal.userId, session.id, request);
});
