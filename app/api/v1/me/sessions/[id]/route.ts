import { z } from "zod";
import { withUser } from "@/lib/api/with-user";
import { endSession } from "@/lib/auth/user-sessions";

const params = z.object({ id: z.uuid("is not a session id") });

// Only the caller's own sessions match; another user's id is "not found".
export const DELETE = withUser({ summary: "Sign out a session", params }, ({ principal, params: { id }, request }) =>
  endSession(principal.userId, id, request, "session_revoked"),
);
