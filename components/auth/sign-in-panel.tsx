"use client";

import { useRef, useState } from "react";
import { AuthDivider } from "./auth-card";
import { MagicLinkForm } from "./magic-link-form";
import { OAuthButtons, type OAuthProviders } from "./oauth-buttons";
import { PasswordSignInForm } from "./password-sign-in-form";

type Props = {
  callbackUrl: string;
  initialEmail?: string;
  initialError?: string;
  /** The error is about an email link (e.g. it expired), so show it by that form. */
  errorNearLink?: boolean;
  oauth: OAuthProviders;
};

/**
 * Every way to sign in on one card: password, an emailed link, then OAuth. Each form
 * is named ("Sign in with password", "Sign in with an email link") so assistive tech
 * and tests can tell their two Email fields apart.
 */
export function SignInPanel({ callbackUrl, initialEmail, initialError, errorNearLink = false, oauth }: Props) {
  const [linkEmail, setLinkEmail] = useState("");
  const linkEmailRef = useRef<HTMLInputElement>(null);

  function switchToEmailLink(email: string) {
    if (email && !linkEmail) setLinkEmail(email);
    linkEmailRef.current?.focus();
  }

  return (
    <div>
      <PasswordSignInForm
        callbackUrl={callbackUrl}
        initialEmail={initialEmail}
        initialError={errorNearLink ? undefined : initialError}
        onForgotPassword={switchToEmailLink}
      />
      <AuthDivider label="or get a sign-in link by email" />
      <MagicLinkForm
        email={linkEmail}
        onEmailChange={setLinkEmail}
        inputRef={linkEmailRef}
        callbackUrl={callbackUrl}
        initialError={errorNearLink ? initialError : undefined}
      />
      {(oauth.github || oauth.google) && (
        <>
          <AuthDivider />
          <OAuthButtons enabled={oauth} callbackUrl={callbackUrl} />
        </>
      )}
    </div>
  );
}
