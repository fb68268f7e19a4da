import { env } from "@/lib/env";

/** The link in the invitation email; the token is the last path segment. */
export function invitationUrl(token: string): string {
  return new URL(`/invite/${token}`, env.APP_URL).href;
}
