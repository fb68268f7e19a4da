import type { Tx } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import { queueMail } from "@/lib/mail/queue";

type EmailChangeMails = { oldEmail: string; newEmail: string; token: string; expiresAt: Date };

function confirmEmailUrl(token: string): string {
  const url = new URL("/account/confirm-email", env.APP_URL);
  url.searchParams.set("token", token);
  return url.href;
}

/**
 * Queued in the transaction that stores the request, so both go out only if it commits: the
 * link to the new address, and a heads-up (without the link) to the current one.
 */
export async function queueEmailChangeMails(tx: Tx, { oldEmail, newEmail, token, expiresAt }: EmailChangeMails): Promise<void> {
  const expires = expiresAt.toISOString();
  await queueMail(tx, { to: newEmail, template: "email-change", props: { kind: "confirm", url: confirmEmailUrl(token), newEmail, expiresAt: expires } });
  await queueMail(tx, { to: oldEmail, template: "email-change", props: { kind: "notice", newEmail, expiresAt: expires } });
}

/** For an address that already has an account: its owner is told, and the current address gets the usual heads-up. */
export async function queueTakenAddressMails(tx: Tx, { oldEmail, newEmail, expiresAt }: Omit<EmailChangeMails, "token">): Promise<void> {
  await queueMail(tx, { to: newEmail, template: "account-exists", props: { signInUrl: new URL("/sign-in", env.APP_URL).href, reason: "email-change" } });
  await queueMail(tx, { to: oldEmail, template: "email-change", props: { kind: "notice", newEmail, expiresAt: expiresAt.toISOString() } });
}
