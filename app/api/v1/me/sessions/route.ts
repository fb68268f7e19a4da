import { withUser } from "@/lib/api/with-user";
import { endOtherSessions, listSessions } from "@/lib/auth/user-sessions";

export const GET = withUser({}, async ({ principal, session }) => ({ sessions: await listSessions(principal.userId, session.id) }));

/** Sign out everywhere else: this device stays signed in. */
export const DELETE = withUser({}, async ({ principal, session, request }) => {
  await endOtherSessions(principal.userId, session.id, request);
});
