import type { ErrorResponse } from "resend";

export type MailErrorCode =
  /** Resend's own error names (validation_error, invalid_api_key, rate_limit_exceeded, …). */
  | ErrorResponse["name"]
  /** Production without RESEND_API_KEY: the mail was not sent anywhere. */
  | "not_configured"
  | "invalid_recipient";

/** Thrown by `sendMail` whenever a message was not accepted for delivery. */
export class MailError extends Error {
  override readonly name = "MailError";
  readonly code: MailErrorCode;
  /** Resend's HTTP status; null when no answer came (unreachable, timed out) or Resend was not asked. */
  readonly statusCode: number | null;

  constructor(code: MailErrorCode, message: string, statusCode: number | null = null) {
    super(message);
    this.code = code;
    this.statusCode = statusCode;
  }
}
