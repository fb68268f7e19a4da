import { withPublic } from "@/lib/api/with-user";
import { verifyEmail } from "@/lib/auth/email-verification";
import { verifyEmailSchema } from "@/lib/auth/verification-schemas";

// A POST from the page's button, not the GET of the link: mail scanners open links too.
export const POST = withPublic({ limit: "auth:ip", body: verifyEmailSchema }, ({ body, request }) => verifyEmail(body.token, request));
