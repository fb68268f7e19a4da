/**
 * next-auth reports failures as codes (`?error=CredentialsSignin`, or `result.error`);
 * people get a sentence that says what to do next.
 */
import { EMAIL_UNVERIFIED, RATE_LIMITED } from "@/lib/auth/sign-in-codes";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account. Check them and try again.",
  [RATE_LIMITED]: "Too many sign-in attempts. Wait a few minutes, then try again, or sign in with an email link.",
  [EMAIL_UNVERIFIED]: "Verify your email address first: open the link we sent you when you signed up.",
  EmailSignin: "We couldn't send the sign-in email. Try again in a moment.",
  Verification: "That sign-in link has expired or has already been used. Request a new one below.",
  OAuthAccountNotLinked: "This email is already registered with another sign-in method. Sign in the way you did before.",
  OAuthSignin: "We couldn't start signing in with that provider. Try again, or use your email instead.",
  OAuthCallback: "We couldn't finish signing in with that provider. Try again, or use your email instead.",
  OAuthCreateAccount: "We couldn't create your account with that provider. Try another sign-in method.",
  EmailCreateAccount: "We couldn't create your account with that email. Try again in a moment.",
  Callback: "Something went wrong while finishing sign-in. Try again.",
  AccessDenied: "You don't have permission to sign in.",
  SessionRequired: "Sign in to continue.",
  Configuration: "Sign-in is not configured correctly on the server. If you run this app, check its logs.",
};

export function signInErrorMessage(code: string): string {
  return MESSAGES[code] ?? "Something went wrong while signing in. Try again.";
}
