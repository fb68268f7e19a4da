import { Resend } from "resend";
import { env } from "@/lib/env";
import { MailError } from "./mail-error";

export type OutgoingMail = { from: string; to: string; subject: string; html: string; text: string };

/** Resend's SDK has no timeout of its own; a hung request would hold a sign-in open forever. */
const SEND_TIMEOUT_MS = 10_000;

// Created at first send, not at import: the SDK reads RESEND_BASE_URL in its constructor, and
// tests (and scripts) set the environment before they send, not before they import.
let client: Resend | undefined;

export async function sendWithResend(apiKey: string, mail: OutgoingMail, idempotencyKey?: string): Promise<string> {
  client ??= new Resend(apiKey, { baseUrl: env.RESEND_BASE_URL });
  // The SDK never throws: HTTP errors and unreachable hosts both come back in `error`.
  const { data, error } = await client.emails.send(mail, { idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
  if (error) throw new MailError(error.name, `Resend refused the email: ${error.message}`, error.statusCode);
  return data.id;
}
