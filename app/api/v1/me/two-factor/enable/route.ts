import { withUser } from "@/lib/api/with-user";
import { enableTwoFactorSchema, recoveryCodesSchema } from "@/lib/auth/two-factor/schemas";
import { enableTwoFactor } from "@/lib/auth/two-factor/service";

// Recent sign-in or password: a stolen session must not enrol the thief's authenticator.
export const POST = withUser(
  { summary: "Turn on two-factor authentication", body: enableTwoFactorSchema, response: recoveryCodesSchema, recentAuth: true, errors: ["conflict"] },
  ({ principal, body, request }) => enableTwoFactor(principal.userId, body.code, request),
);
