import { enforceRateLimit } from "@/lib/api/request-auth";
import { withUser } from "@/lib/api/with-user";
import { requestEmailChange } from "@/lib/account/email-change-request";
import { emailChangeRequestSchema } from "@/lib/account/schemas";

// 202: the change waits for the link mailed to the new address (/account/confirm-email).
export const POST = withUser({ body: emailChangeRequestSchema, status: 202 }, async ({ principal, body }) => {
  // Per account, as it checks the password; per new address, as it sends that address mail.
  await enforceRateLimit("auth:email", `account:${principal.userId}`);
  await enforceRateLimit("auth:email", body.newEmail);
  return requestEmailChange(principal.userId, body);
});
