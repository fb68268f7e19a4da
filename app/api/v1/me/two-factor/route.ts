import { withUser } from "@/lib/api/with-user";
import { disableTwoFactor } from "@/lib/auth/two-factor/service";

// Turning the second factor off is what a thief with a stolen session would do first.
export const DELETE = withUser({ summary: "Turn off two-factor authentication", recentAuth: true, errors: ["conflict"] }, ({ principal, request }) =>
  disableTwoFactor(principal.userId, request),
);
