import { withUser } from "@/lib/api/with-user";
import { recoveryCodesSchema } from "@/lib/auth/two-factor/schemas";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor/service";

export const POST = withUser(
  { summary: "Replace your recovery codes", response: recoveryCodesSchema, recentAuth: true, errors: ["conflict"], transaction: true },
  ({ tx, principal, request }) => regenerateRecoveryCodes(tx, principal.userId, request),
);
