import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { SESSION_COOKIE } from "./cookies";
import { loadLiveSession, type LiveSession, type SessionUser } from "./live-session";
import type { Principal } from "./principal";
import { decodeSessionToken, principalOf, sessionCookieValue } from "./session-token";

type CookieSource = { getAll(): { name: string; value: string }[] };

/**
 * The signed-in caller from the session cookie, unchecked against revocation (that happens in
 * the query that loads the user or membership). Read without next-auth's core: session-token.ts.
 * Route handlers pass their request's cookies; pages read them through `next/headers`.
 */
export async function getPrincipal(requestCookies?: CookieSource): Promise<Principal | null> {
  const source = requestCookies ?? (await cookies());
  const token = sessionCookieValue(source.getAll(), SESSION_COOKIE);
  return token ? principalOf(await decodeSessionToken(token, env.NEXTAUTH_SECRET)) : null;
}

export type CurrentUser = SessionUser;
type Current = { principal: Principal; user: CurrentUser; session: LiveSession };

/**
 * The signed-in user for pages outside an org (org pages get it from runAsMember).
 * A revoked session counts as signed out, and so does one that still owes its 2FA code.
 */
export async function getCurrentUser(): Promise<Current | null> {
  const principal = await getPrincipal();
  if (!principal) return null;
  try {
    return { principal, ...(await loadLiveSession(principal)) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "unauthenticated" || error.code === "two_factor_pending")) return null;
    throw error;
  }
}

export const signInPath = (callbackUrl: string) => `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
export const twoFactorPath = (callbackUrl: string) => `/sign-in/two-factor?callbackUrl=${encodeURIComponent(callbackUrl)}`;

/** Pages that need a signed-in user: sign-in, or the 2FA step a half-finished sign-in owes. */
export async function requireCurrentUser(callbackUrl = "/dashboard"): Promise<Current> {
  const principal = await getPrincipal();
  if (!principal) redirect(signInPath(callbackUrl));
  try {
    return { principal, ...(await loadLiveSession(principal)) };
  } catch (error) {
    redirectForSession(error, callbackUrl);
    throw error;
  }
}

/** Turns a session refusal into the page a person can act on; anything else is rethrown by the caller. */
export function redirectForSession(error: unknown, callbackUrl: string): void {
  if (!(error instanceof AppError)) return;
  if (error.code === "unauthenticated") redirect(signInPath(callbackUrl));
  if (error.code === "two_factor_pending") redirect(twoFactorPath(callbackUrl));
}
