import { withPublic } from "@/lib/api/with-user";
import { verifyEmail } from "@/lib/auth/email-verification";
import { emailVerifiedSchema } from "@/lib/auth/schemas";
import { verifyEmailSchema } from "@/lib/auth/verification-schemas";

// A POST from the page's button, not the GET of the link: mail scanners open links too.
export const POST = withPublic(
  {
    summary: "Verify an email address",
    limit: "auth:ip",
    body: verifyEmailSchema,
    response: emailVerifiedSchema,
    errors: ["not_found", "conflict"],
    ignoresIdempotencyKey: "Idempotent already: the link's token works once, and a repeat gets the same answer.",
  },
  ({ body, request }) => verifyEmail(body.token, request),
);
