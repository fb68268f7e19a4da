import { log } from "@/lib/log";
import { MailError, sendMail } from "@/lib/mail";
import { isTemplateName, renderTemplate } from "@/lib/mail/templates/registry";
import type { TaskHandler } from "./handlers";

/**
 * The `send_email` task (queued by lib/mail/queue.ts): renders the template and sends it with the
 * idempotency key stored in the job, so however often the job runs, Resend sends it once.
 *
 * Throwing fails the attempt and graphile-worker retries it with exponential backoff until
 * the task's max attempts; that is the answer to anything that may pass: Resend down, slow or
 * rate limiting, a revoked key, an unverified domain, a missing RESEND_API_KEY in production,
 * a template this (older) deployment does not know yet. Only what no retry can change ends the
 * job at once: see `isPermanent`.
 */
export const sendEmail: TaskHandler<"send_email"> = async (payload, job) => {
  if (!isTemplateName(payload.template)) {
    throw new Error(`Unknown email template "${payload.template}" (queued by a newer version of the app?)`);
  }
  const message = renderTemplate(payload.template, payload.props);
  try {
    await sendMail(payload.to, message, { idempotencyKey: payload.idempotencyKey });
  } catch (error) {
    if (!(error instanceof MailError) || !isPermanent(error)) throw error;
    // Completing the job, rather than failing it, is what stops the retries; the log line is the record.
    log.error("email not sent: refused for good, not retrying", {
      jobId: job.id,
      template: payload.template,
      to: payload.to,
      code: error.code,
      statusCode: error.statusCode,
      error: error.message,
    });
  }
};

/** Errors about the email itself, which an identical retry would meet again. */
function isPermanent(error: MailError): boolean {
  switch (error.code) {
    case "invalid_recipient": // not an email address (sendMail's own check)
    case "missing_required_field":
    case "invalid_attachment":
    case "invalid_idempotency_key":
    // The key was already used for different content: an earlier attempt of this job was
    // accepted (and the template rendered differently since, e.g. "expires in N minutes").
    case "invalid_idempotent_request":
      return true;
    case "validation_error":
      // Resend also answers 403 validation_error for an unverified sending domain: a setting
      // an operator can fix while the retries last.
      return error.statusCode !== 403;
    default:
      return false;
  }
}
