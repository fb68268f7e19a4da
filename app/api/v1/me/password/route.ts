import { enforceRateLimit } from "@/lib/api/request-auth";
import { withUser } from "@/lib/api/with-user";
import { changePassword } from "@/lib/account/change-password";
import { passwordChangeSchema } from "@/lib/account/schemas";

// Ends every session, the caller's too: clients sign in again with the new password.
export const POST = withUser(
  {
    summary: "Change your password",
    body: passwordChangeSchema,
    errors: ["conflict"],
    ignoresIdempotencyKey:
      "A repeat cannot change the password twice: the change ends every session, the one that would repeat it included (401). Its body holds passwords, of which nothing is kept, not even a fingerprint.",
  },
  async ({ principal, session, body, request }) => {
    await enforceRateLimit("auth:email", `account:${principal.userId}`);
    await changePassword(principal.userId, session, body, request);
  },
);
