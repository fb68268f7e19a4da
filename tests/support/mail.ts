import { readOutbox, type OutboxEntry } from "@/lib/mail/outbox";

/** The newest email to `to` matching `subject`: the job worker sends it just after the request commits. */
export async function waitForMail(to: string, subject: RegExp, options: { after?: Date } = {}): Promise<OutboxEntry> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [mail] = (await readOutbox({ to })).filter((m) => subject.test(m.subject) && (!options.after || new Date(m.createdAt) >= options.after));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`No email to ${to} with a subject like ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first absolute link in `mail` whose path matches `path`. */
export function linkIn(mail: OutboxEntry, path: RegExp): string {
  const link = mail.text.split(/\s+/).find((word) => /^https?:\/\//.test(word) && path.test(new URL(word).pathname));
  if (!link) throw new Error(`No link to ${path} in "${mail.subject}"`);
  return link;
}
