import { rateLimit } from "@/lib/rate-limit";
import { sendMail } from "@/lib/mail";
import { magicLinkEmail } from "@/lib/mail/templates/magic-link";
import type { Origin } from "./security-events";
import { RATE_LIMITED } from "./sign-in-codes";

/** Called by next-auth's email provider; the per-IP limit already ran in the auth route. */
export async function sendMagicLink({ to, url, expires }: { to: string; url: string; expires: Date }, origin: Origin): Promise<void> {
  const [mine, anyone] = await Promise.all([rateLimit("auth:magic-link:email-ip", `${to}|${origin.ip ?? "unknown"}`), rateLimit("auth:magic-link:email", to)]);
  if (!mine.success || !anyone.success) throw new Error(RATE_LIMITED);
  await sendMail(to, magicLinkEmail({ url, expires }));
}
