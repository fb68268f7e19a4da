import { NextResponse } from "next/server";
import { enforceRateLimit } from "@/lib/api/request-auth";
import { withPublic } from "@/lib/api/with-user";
import { resendEmailVerification } from "@/lib/auth/email-verification";
import { resendVerificationSchema } from "@/lib/auth/verification-schemas";

// The same 202 for every address: whether it has an account is not this route's to say.
export const POST = withPublic({ limit: "auth:ip", body: resendVerificationSchema }, async ({ body }) => {
  await enforceRateLimit("auth:verify-resend", body.email);
  await resendEmailVerification(body.email);
  return NextResponse.json({ status: "sent" }, { status: 202 });
});
