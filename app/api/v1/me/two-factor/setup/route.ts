import { withUser } from "@/lib/api/with-user";
import { startTwoFactorSetup } from "@/lib/auth/two-factor/service";

export const POST = withUser({}, ({ principal }) => startTwoFactorSetup(principal.userId));
