import { withUser } from "@/lib/api/with-user";
import { enableTwoFactorSchema } from "@/lib/auth/two-factor/schemas";
import { enableTwoFactor } from "@/lib/auth/two-factor/service";

// Recent sign-in or password: a stolen session must not enrol the thief's authenticator.
export const POST = withUser({ body: enableTwoFactorSchema, recentAuth: true }, ({ principal, body, request }) => enableTwoFactor(principal.userId, body.code, request));
