import { withUser } from "@/lib/api/with-user";
import { enableTwoFactorSchema, recoveryCodesSchema } from "@/lib/auth/two-factor/schemas";
import { enableTwoFactor } from "@/lib/auth/two-factor/service";

// Recent sign-in or password: a stolen session must not enrol the thief's authenticator.
export const POST = withUser(
  {
    summary: "Turn on two-factor authentication",
    body: enableTwoFactorSchema,
    response: recoveryCodesSchema,
    recentAuth: true,
    errors: ["conflict"],
    ignoresIdempotencyKey:
      "Its code works once, so a repeat cannot act twice: after a success it is refused with 409. If that answer was lost, get new recovery codes from `POST /api/v1/me/two-factor/recovery-codes`.",
  },
  ({ principal, body, request }) => enableTwoFactor(principal.userId, body.code, request),
);
