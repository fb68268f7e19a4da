import { withUser } from "@/lib/api/with-user";
import { twoFactorChallengeSchema } from "@/lib/auth/two-factor/schemas";
import { completeTwoFactorSignIn } from "@/lib/auth/two-factor/service";

// The one route a session that still owes its code may call.
export const POST = withUser(
  {
    summary: "Complete two-factor sign-in",
    body: twoFactorChallengeSchema,
    allowTwoFactorPending: true,
    errors: ["conflict"],
    ignoresIdempotencyKey: "It finishes this session's sign-in with a code that works once: a stored answer could not finish another session's, and a repeat on this one is refused with 409.",
  },
  ({ principal, session, body, request }) => completeTwoFactorSignIn(principal.userId, session, body, request),
);
