import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, AuthDivider } from "@/components/auth/auth-card";
import { safeCallbackUrl, safeRedirect } from "@/lib/auth/safe-redirect";
import { InvitationSummary } from "@/components/auth/invitation-summary";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { firstParam, type SearchParams } from "@/components/search-params";
import { getCurrentUser } from "@/lib/auth/session";
import { env, features } from "@/lib/env";
import { lookupInvitation } from "@/lib/invitations/lookup";

export const metadata: Metadata = { title: "Sign up" };

type Props = { searchParams: SearchParams };

/**
 * The invitation being answered: `?invite=` from the invite page, or a sign-in that was on its
 * way back to one (sign-in's "Sign up" link keeps only the callback URL).
 */
function inviteTokenOf(invite: string | undefined, callbackUrl: string): string | undefined {
  return invite ?? /^\/invite\/([A-Za-z0-9_-]+)$/.exec(callbackUrl)?.[1];
}

export default async function SignUpPage({ searchParams }: Props) {
  const params = await searchParams;
  const requested = safeCallbackUrl(firstParam(params.callbackUrl), env.APP_URL);
  const inviteToken = inviteTokenOf(firstParam(params.invite), requested);
  const invitePage = inviteToken ? safeRedirect(`/invite/${encodeURIComponent(inviteToken)}`, env.APP_URL) : undefined;
  // Through an invitation link, everything leads back to the invitation page.
  const callbackUrl = invitePage ?? requested;
  if (await getCurrentUser()) redirect(callbackUrl);

  const found = inviteToken ? await lookupInvitation(inviteToken) : undefined;
  // The invitation page explains an expired, withdrawn, used or unknown link.
  if (invitePage && found?.state !== "pending") redirect(invitePage);
  const invitation = found?.state === "pending" ? found.invitation : undefined;
  const invite = invitation && inviteToken ? { token: inviteToken, email: invitation.email } : undefined;

  const hasOAuth = features.github || features.google;
  const signInHref = callbackUrl === "/dashboard" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title={invitation ? `Join ${invitation.org.name}` : "Create your account"}
      description={invitation ? "Create your account to accept the invitation." : "Start with a free workspace. No credit card needed."}
      footer={
        <>
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-link hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      {invitation && (
        <div className="mb-6">
          <InvitationSummary invitation={invitation} />
        </div>
      )}
      <SignUpForm callbackUrl={callbackUrl} invite={invite} />
      {hasOAuth && (
        <>
          <AuthDivider />
          <OAuthButtons enabled={{ github: features.github, google: features.google }} callbackUrl={callbackUrl} />
        </>
      )}
    </AuthCard>
  );
}
