import { withUser } from "@/lib/api/with-user";
import { enableTwoFactorSchema } from "@/lib/auth/two-factor/schemas";
import { enableTwoFactor } from "@/lib/auth/two-factor/service";

export const POST = withUser({ body: enableTwoFactorSchema }, ({ principal, body, request }) => enableTwoFactor(principal.userId, body.code, request));
