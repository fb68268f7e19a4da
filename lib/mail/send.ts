import { render } from "@react-email/render";
import { z } from "zod";
import { env, features } from "@/lib/env";
import { log } from "@/lib/log";
import { MailError } from "./mail-error";
import type { MailMessage } from "./message";
import { appendToOutbox } from "./outbox";
import { sendWithResend, type OutgoingMail } from "./resend-transport";

export type SendMailOptions = {
  /** Resend drops a repeat within 24 h: pass one when a job may retry the same email. */
  idempotencyKey?: string;
};

export type SentMail = { id: string; delivery: "resend" | "outbox" };

const recipientSchema = z.email();

/**
 * Sends one message to one recipient (never several people on one email: they would see
 * each other's address). With RESEND_API_KEY it goes through Resend; without it, outside
 * production, it lands in the dev outbox (console + /dev/outbox). Throws `MailError` whenever
 * the message was not accepted, including production without a key.
 */
export async function sendMail(to: string, message: MailMessage, options: SendMailOptions = {}): Promise<SentMail> {
  const recipient = recipientSchema.safeParse(to.trim());
  if (!recipient.success) throw new MailError("invalid_recipient", `Not an email address: ${JSON.stringify(to)}`);

  const mail: OutgoingMail = {
    from: env.MAIL_FROM,
    to: recipient.data,
    subject: message.subject,
    html: await render(message.react),
    text: message.text,
  };

  if (env.RESEND_API_KEY) {
    return { id: await sendWithResend(env.RESEND_API_KEY, mail, options.idempotencyKey), delivery: "resend" };
  }
  if (!features.devOutbox) {
    // Never fall back to the outbox in production: it would keep sign-in links on disk and in logs.
    log.error("mail not sent: RESEND_API_KEY is not set", { to: mail.to, subject: mail.subject });
    throw new MailError("not_configured", "Email is not configured: set RESEND_API_KEY.");
  }
  const entry = await appendToOutbox(mail);
  log.info("mail written to the dev outbox", {
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    outbox: new URL("/dev/outbox", env.APP_URL).href,
  });
  return { id: entry.id, delivery: "outbox" };
}
