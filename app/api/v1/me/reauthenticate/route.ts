import { withUser } from "@/lib/api/with-user";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { reauthenticateSchema } from "@/lib/auth/two-factor/schemas";

export const POST = withUser(
  {
    summary: "Confirm your password",
    body: reauthenticateSchema,
    errors: ["forbidden", "conflict"],
    ignoresIdempotencyKey: "It renews this session's proof of identity, which a stored answer could not do again; repeating it is harmless. Its body holds the password, of which nothing is kept.",
  },
  ({ principal, session, body, request }) => reauthenticate(principal.userId, session, body.password, request),
);
