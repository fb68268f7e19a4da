import { withPublic } from "@/lib/api/with-user";
import { enforceRateLimit } from "@/lib/api/request-auth";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUpWithPassword } from "@/lib/auth/sign-up";

export const POST = withPublic({ limit: "auth:ip", body: signUpSchema, status: 201 }, async ({ body, request }) => {
  await enforceRateLimit("auth:email", body.email);
  const { user, org } = await signUpWithPassword(body, request);
  return { user, org: { slug: org.slug, name: org.name } };
});
