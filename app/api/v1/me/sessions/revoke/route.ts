import { withUser } from "@/lib/api/with-user";
import { revokeAllSessions } from "@/lib/auth/session";

export const POST = withUser({}, ({ principal }) => revokeAllSessions(principal.userId));
