import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, AuthDivider } from "@/components/auth/auth-card";
import { firstParam, safeCallbackUrl } from "@/components/auth/callback-url";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/session";
import { env, features } from "@/lib/env";

export const metadata: Metadata = { title: "Sign up" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(firstParam(params.callbackUrl), env.APP_URL);
  if (await getCurrentUser()) redirect(callbackUrl);

  const hasOAuth = features.github || features.google;
  const signInHref = callbackUrl === "/dashboard" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title="Create your account"
      description="Start with a free workspace. No credit card needed."
      footer={
        <>
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-link hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} />
      {hasOAuth && (
        <>
          <AuthDivider />
          <OAuthButtons enabled={{ github: features.github, google: features.google }} callbackUrl={callbackUrl} />
        </>
      )}
    </AuthCard>
  );
}
