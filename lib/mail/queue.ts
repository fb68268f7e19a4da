import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/tenant-transaction";
import { enqueue } from "@/lib/jobs/enqueue";
import { type TemplateName, type TemplateProps, templates } from "./templates/registry";

export type QueuedMail<T extends TemplateName> = {
  to: string;
  template: T;
  props: TemplateProps<T>;
  /**
   * Resend drops a second email with the same key within 24 hours. Defaults to a fresh UUID per
   * queued email, stable across its retries. Pass your own only to make two `queueMail` calls
   * one email, and make it unique across every database that shares the Resend account
   * (job ids are not: a reset database would reuse them).
   */
  idempotencyKey?: string;
};

/**
 * Queues one email in the caller's transaction (a `send_email` job): it is sent after `tx`
 * commits, never if it rolls back, and a failed send is retried with backoff without touching
 * what the transaction changed. Props are checked against the template's schema here, so a
 * mistake fails the request rather than the worker. Returns the job id.
 */
export async function queueMail<T extends TemplateName>(tx: Tx, mail: QueuedMail<T>): Promise<string> {
  const props = templates[mail.template].schema.parse(mail.props);
  return enqueue(tx, "send_email", {
    to: mail.to,
    template: mail.template,
    props,
    idempotencyKey: mail.idempotencyKey ?? randomUUID(),
  });
}
