import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { authOptions } from "./options";
import type { Principal } from "./principal";

/** The signed-in caller from the session cookie, unchecked against revocation. */
export async function getPrincipal(): Promise<Principal | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return { userId: session.user.id, sessionVersion: session.sessionVersion };
}

export type CurrentUser = { id: string; name: string | null; email: string; image: string | null };

/**
 * The signed-in user for pages outside an org (org pages get it from runAsMember).
 * A revoked session (sessionVersion moved on) counts as signed out.
 */
export async function getCurrentUser(): Promise<{ principal: Principal; user: CurrentUser } | null> {
  const principal = await getPrincipal();
  if (!principal) return null;
  const user = await db.user.findUnique({
    where: { id: principal.userId },
    select: { id: true, name: true, email: true, image: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== principal.sessionVersion) return null;
  const { sessionVersion: _sv, ...rest } = user;
  return { principal, user: rest };
}

export async function requireCurrentUser(callbackUrl = "/dashboard") {
  const current = await getCurrentUser();
  if (!current) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return current;
}

/** Sign out everywhere: every token issued before this call stops working on its next request. */
export async function revokeAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
