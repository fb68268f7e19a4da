import { withUser } from "@/lib/api/with-user";
import { twoFactorChallengeSchema } from "@/lib/auth/two-factor/schemas";
import { completeTwoFactorSignIn } from "@/lib/auth/two-factor/service";

// The one route a session that still owes its code may call.
export const POST = withUser(
  { summary: "Complete two-factor sign-in", body: twoFactorChallengeSchema, allowTwoFactorPending: true, errors: ["conflict"] },
  ({ principal, session, body, request }) => completeTwoFactorSignIn(principal.userId, session, body, request),
);
