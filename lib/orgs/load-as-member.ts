import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/api/errors";
import type { Permission } from "@/lib/auth/permissions";
import { getPrincipal, redirectForSession, signInPath } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/tenant-transaction";
import { runAsMember, type OrgContext } from "@/lib/orgs/context";

/**
 * runAsMember for server components: an org the caller does not belong to is a 404
 * (we do not confirm it exists); a missing or revoked session goes to sign-in, one that
 * owes its 2FA code to that step, and a member of an org that requires 2FA without it
 * to its setup, each coming back to `path`.
 */
export async function loadAsMember<T>(
  slug: string,
  permission: Permission,
  path: string,
  fn: (ctx: OrgContext, tx: Tx) => Promise<T>,
): Promise<T> {
  const principal = await getPrincipal();
  if (!principal) redirect(signInPath(path));
  try {
    return await runAsMember(principal, slug, permission, fn);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "two_factor_required") {
      redirect(`/account/security?required=${encodeURIComponent(slug)}&callbackUrl=${encodeURIComponent(path)}`);
    }
    redirectForSession(error, path);
    throw error;
  }
}
