import { withUser } from "@/lib/api/with-user";
import { sessionListSchema } from "@/lib/auth/schemas";
import { endOtherSessions, listSessions } from "@/lib/auth/user-sessions";

export const GET = withUser({ summary: "List your sessions", response: sessionListSchema }, async ({ principal, session }) => ({
  sessions: await listSessions(principal.userId, session.id),
}));

/** Sign out everywhere else: this device stays signed in. */
export const DELETE = withUser({ summary: "Sign out all other sessions" }, async ({ principal, session, request }) => {
  await endOtherSessions(principal.userId, session.id, request);
});
