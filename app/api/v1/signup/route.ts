import { NextResponse } from "next/server";
import { withPublic } from "@/lib/api/with-user";
import { enforceRateLimit } from "@/lib/api/request-auth";
import { signUpResultSchema, signUpSchema } from "@/lib/auth/schemas";
import { signUpWithPassword } from "@/lib/auth/sign-up";

export const POST = withPublic(
  {
    summary: "Sign up with a password",
    description: "202 `verification_sent` for new and taken addresses alike, so sign-up cannot tell who has an account; 201 `signed_up` only through an invitation link (`inviteToken`), which proved the address.",
    limit: "auth:ip",
    body: signUpSchema,
    response: signUpResultSchema,
    status: 202,
    errors: ["forbidden"],
    ignoresIdempotencyKey:
      "A repeat gets the first answer already: new and taken addresses are answered alike (202). Through an invitation link, a repeat is refused with 409 once the first has used it, and the new account can sign in. Keys are kept per account, and nobody is signed in here.",
  },
  async ({ body, request }) => {
    await enforceRateLimit("auth:sign-up-email", body.email);
    const result = await signUpWithPassword(body, request);
    return NextResponse.json(result, { status: result.status === "signed_up" ? 201 : 202 });
  },
);
