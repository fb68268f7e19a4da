import { withUser } from "@/lib/api/with-user";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { reauthenticateSchema } from "@/lib/auth/two-factor/schemas";

export const POST = withUser(
  { summary: "Confirm your password", body: reauthenticateSchema, errors: ["forbidden", "conflict"] },
  ({ principal, session, body, request }) => reauthenticate(principal.userId, session, body.password, request),
);
