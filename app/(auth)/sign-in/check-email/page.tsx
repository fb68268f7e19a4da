import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { DevOutboxCallout } from "@/components/auth/dev-outbox-callout";
import { firstParam, type SearchParams } from "@/components/search-params";
import { MailIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Check your email" };

type Props = { searchParams: SearchParams };

export default async function CheckEmailPage({ searchParams }: Props) {
  const email = firstParam((await searchParams).email);
  return (
    <AuthCard
      title="Check your email"
      icon={
        <span className="inline-flex size-12 items-center justify-center rounded-full bg-primary/10 text-link">
          <MailIcon className="size-6" />
        </span>
      }
      footer={
        <Link href="/sign-in" className="font-medium text-link hover:underline">
          Back to sign in
        </Link>
      }
    >
      <div className="grid gap-5 text-center">
        <p className="text-sm leading-6 text-muted-foreground">
          We sent a sign-in link to {email ? <strong className="font-medium text-foreground">{email}</strong> : "your email address"}. It works once and
          expires in 15 minutes. You can close this tab.
        </p>
        <DevOutboxCallout />
        <p className="text-sm text-muted-foreground">Didn&apos;t get it? Check your spam folder, or go back and try another address.</p>
      </div>
    </AuthCard>
  );
}
