import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/api/errors";
import type { Permission } from "@/lib/auth/permissions";
import { getPrincipal } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/tenant-transaction";
import { runAsMember, type OrgContext } from "@/lib/orgs/context";

/**
 * runAsMember for server components: an org the caller does not belong to is a 404
 * (we do not confirm it exists), and a missing or revoked session goes to sign-in and
 * comes back to `path`. The membership query itself checks the session version.
 */
export async function loadAsMember<T>(
  slug: string,
  permission: Permission,
  path: string,
  fn: (ctx: OrgContext, tx: Tx) => Promise<T>,
): Promise<T> {
  const signInUrl = `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
  const principal = await getPrincipal();
  if (!principal) redirect(signInUrl);
  try {
    return await runAsMember(principal, slug, permission, fn);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "unauthenticated") redirect(signInUrl);
    throw error;
  }
}
