import type { Metadata } from "next";
import { AccountSettingsFrame } from "@/components/account/account-settings-frame";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { firstParam, type SearchParams } from "@/components/search-params";
import { SecurityHistoryCard } from "@/components/security/security-history-card";
import { SessionsCard } from "@/components/security/sessions-card";
import { TwoFactorCard } from "@/components/security/two-factor-card";
import { requireCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listOrgsForUser } from "@/lib/orgs/service";

export const metadata: Metadata = { title: "Security" };

type Props = { searchParams: SearchParams };

export default async function SecurityPage({ searchParams }: Props) {
  const params = await searchParams;
  const requiredSlug = firstParam(params.required);
  const query = new URLSearchParams(Object.entries({ required: requiredSlug, callbackUrl: firstParam(params.callbackUrl) }).filter((e): e is [string, string] => Boolean(e[1])));
  const here = `/account/security${query.size ? `?${query}` : ""}`;
  const { user } = await requireCurrentUser(here);
  // Only an org the person belongs to is named; anything else in the URL is ignored.
  const requiredOrg = requiredSlug ? (await listOrgsForUser(user.id)).find((org) => org.slug === requiredSlug) : undefined;
  const required = requiredOrg ? { slug: requiredOrg.slug, name: requiredOrg.name } : undefined;
  const continueTo = required ? safeCallbackUrl(firstParam(params.callbackUrl), env.APP_URL, `/dashboard/${required.slug}`) : undefined;

  return (
    <AccountSettingsFrame user={user} current="/account/security">
      <TwoFactorCard email={user.email} required={required} continueTo={continueTo} />
      <SessionsCard />
      <SecurityHistoryCard />
    </AccountSettingsFrame>
  );
}
