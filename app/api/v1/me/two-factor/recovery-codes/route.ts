import { withUser } from "@/lib/api/with-user";
import { recoveryCodesSchema } from "@/lib/auth/two-factor/schemas";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor/service";

export const POST = withUser(
  { summary: "Replace your recovery codes", response: recoveryCodesSchema, recentAuth: true, errors: ["conflict"] },
  ({ principal, request }) => regenerateRecoveryCodes(principal.userId, request),
);
