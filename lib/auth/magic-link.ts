import { rateLimit } from "@/lib/rate-limit";
import { sendMail } from "@/lib/mail";
import { magicLinkEmail } from "@/lib/mail/templates/magic-link";
import { RATE_LIMITED } from "./sign-in-codes";

/** Called by next-auth's email provider; the per-IP limit already ran in the auth route. */
export async function sendMagicLink({ to, url, expires }: { to: string; url: string; expires: Date }): Promise<void> {
  if (!(await rateLimit("auth:email", to)).success) throw new Error(RATE_LIMITED);
  await sendMail(to, magicLinkEmail({ url, expires }));
}
