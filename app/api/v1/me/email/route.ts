import { enforceRateLimit } from "@/lib/api/request-auth";
import { withUser } from "@/lib/api/with-user";
import { requestEmailChange } from "@/lib/account/email-change-request";
import { emailChangeRequestSchema, pendingEmailChangeSchema } from "@/lib/account/schemas";

// 202: the change waits for the link mailed to the new address (/account/confirm-email).
// Moving the account to another address is a takeover path: it needs a recent sign-in or password.
export const POST = withUser(
  { summary: "Request an email change", body: emailChangeRequestSchema, response: pendingEmailChangeSchema, status: 202, recentAuth: true, transaction: true },
  async ({ tx, principal, body }) => {
    // Per account and per new address: each request sends mail (a replayed answer sends none, so it is not counted).
    await enforceRateLimit("auth:email-change", principal.userId);
    await enforceRateLimit("auth:email-change:address", body.newEmail);
    return requestEmailChange(tx, principal.userId, body);
  },
);
