import { NextResponse } from "next/server";
import { withPublic } from "@/lib/api/with-user";
import { enforceRateLimit } from "@/lib/api/request-auth";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUpWithPassword } from "@/lib/auth/sign-up";

// 202 "check your email" for new and taken addresses alike; 201 only through an invitation link.
export const POST = withPublic({ limit: "auth:ip", body: signUpSchema }, async ({ body, request }) => {
  await enforceRateLimit("auth:sign-up-email", body.email);
  const result = await signUpWithPassword(body, request);
  return NextResponse.json(result, { status: result.status === "signed_up" ? 201 : 202 });
});
