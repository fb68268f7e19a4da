import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { firstParam, type SearchParams } from "@/components/search-params";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";
import { getCurrentUser } from "@/lib/auth/session";
import { env, features } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: SearchParams };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(firstParam(params.callbackUrl), env.APP_URL);
  const error = firstParam(params.error);
  // Prefilled after verifying an address; anything longer than an address is ignored.
  const email = firstParam(params.email);
  // Already signed in: go where sign-in would have taken you (unless there is an error to read).
  if (!error && (await getCurrentUser())) redirect(callbackUrl);

  const signUpHref = callbackUrl === "/dashboard" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title="Sign in to Tenantkit"
      description="Welcome back."
      footer={
        <>
          Don&apos;t have an account?{" "}
          <Link href={signUpHref} className="font-medium text-link hover:underline">
            Sign up
          </Link>
        </>
      }
    >
      <SignInPanel
        callbackUrl={callbackUrl}
        initialEmail={email && email.length <= 254 ? email : undefined}
        initialError={error ? signInErrorMessage(error) : undefined}
        errorNearLink={error === "Verification" || error === "EmailSignin"}
        oauth={{ github: features.github, google: features.google }}
      />
    </AuthCard>
  );
}
