import { withUser } from "@/lib/api/with-user";
import { twoFactorSetupSchema } from "@/lib/auth/two-factor/schemas";
import { startTwoFactorSetup } from "@/lib/auth/two-factor/service";

export const POST = withUser({ summary: "Start two-factor setup", response: twoFactorSetupSchema, errors: ["conflict"], transaction: true }, ({ tx, principal }) =>
  startTwoFactorSetup(tx, principal.userId),
);
