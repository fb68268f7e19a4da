import { NextResponse } from "next/server";
import { enforceRateLimit } from "@/lib/api/request-auth";
import { withPublic } from "@/lib/api/with-user";
import { resendEmailVerification } from "@/lib/auth/email-verification";
import { verificationResentSchema } from "@/lib/auth/schemas";
import { resendVerificationSchema } from "@/lib/auth/verification-schemas";

// The same 202 for every address: whether it has an account is not this route's to say.
export const POST = withPublic(
  {
    summary: "Resend the verification email",
    limit: "auth:ip",
    body: resendVerificationSchema,
    response: verificationResentSchema,
    status: 202,
    ignoresIdempotencyKey: "Anonymous: keys are kept per account, and nobody is signed in here. A repeat sends one more link that works as well as the first, within the per-address limit.",
  },
  async ({ body }) => {
    await enforceRateLimit("auth:verify-resend", body.email);
    await resendEmailVerification(body.email);
    return NextResponse.json({ status: "sent" }, { status: 202 });
  },
);
