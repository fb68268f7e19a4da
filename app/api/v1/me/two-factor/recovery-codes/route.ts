import { withUser } from "@/lib/api/with-user";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor/service";

export const POST = withUser({ recentAuth: true }, ({ principal, request }) => regenerateRecoveryCodes(principal.userId, request));
