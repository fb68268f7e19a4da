import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { SwitchAccountLink } from "@/components/auth/switch-account-link";
import { TwoFactorSignInForm } from "@/components/auth/two-factor-sign-in-form";
import { firstParam, type SearchParams } from "@/components/search-params";
import { ShieldCheckIcon } from "@/components/ui/icons";
import { getCurrentUser, getPrincipal, signInPath } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Two-factor verification" };

type Props = { searchParams: SearchParams };

export default async function TwoFactorPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl(firstParam((await searchParams).callbackUrl), env.APP_URL);
  // Only a sign-in that still owes its code belongs here.
  if (!(await getPrincipal())) redirect(signInPath(callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Two-factor verification"
      description="Your account is protected with two-factor authentication."
      icon={
        <span className="inline-flex size-12 items-center justify-center rounded-full bg-primary/10 text-link">
          <ShieldCheckIcon className="size-6" />
        </span>
      }
      footer={
        <>
          Not you? <SwitchAccountLink />
        </>
      }
    >
      <TwoFactorSignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
