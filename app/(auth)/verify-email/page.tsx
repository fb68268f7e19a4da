import type { Metadata } from "next";
import { VerifyEmailPanel } from "@/components/auth/verify-email-panel";
import { firstParam, type SearchParams } from "@/components/search-params";

export const metadata: Metadata = { title: "Verify your email" };

type Props = { searchParams: SearchParams };

/**
 * The link in the verification email. Verifying takes a click rather than happening on
 * load, so mail scanners that open links do not use it up.
 */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = firstParam((await searchParams).token);
  return <VerifyEmailPanel token={token && token.length <= 512 ? token : undefined} />;
}
