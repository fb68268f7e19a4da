import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { DevOutboxCallout } from "@/components/auth/dev-outbox-callout";
import { ResendVerificationButton } from "@/components/auth/resend-verification-button";
import { firstParam, type SearchParams } from "@/components/search-params";
import { MailIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Verify your email" };

type Props = { searchParams: SearchParams };

/** Where sign-up ends: the account works once the address is confirmed from its inbox. */
export default async function SignUpCheckEmailPage({ searchParams }: Props) {
  const raw = firstParam((await searchParams).email);
  const email = raw && raw.length <= 254 ? raw : undefined;
  return (
    <AuthCard
      title="Check your email"
      icon={
        <span className="inline-flex size-12 items-center justify-center rounded-full bg-primary/10 text-link">
          <MailIcon className="size-6" />
        </span>
      }
      footer={
        <>
          Verified already?{" "}
          <Link href={email ? `/sign-in?email=${encodeURIComponent(email)}` : "/sign-in"} className="font-medium text-link hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <div className="grid gap-5 text-center">
        <p className="text-sm leading-6 text-muted-foreground">
          We sent a link to {email ? <strong className="font-medium text-foreground wrap-anywhere">{email}</strong> : "your email address"}. Open it to
          verify your address, then sign in with your password.
        </p>
        <DevOutboxCallout />
        {email && (
          <div className="grid justify-items-center gap-2 border-t pt-5">
            <p className="text-sm text-muted-foreground">Nothing after a few minutes? Check your spam folder, or:</p>
            <ResendVerificationButton email={email} />
          </div>
        )}
      </div>
    </AuthCard>
  );
}
