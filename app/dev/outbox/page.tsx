import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { isLocalRequest } from "@/lib/auth/local-request";
import { features } from "@/lib/env";
import { readOutbox, type OutboxEntry } from "@/lib/mail/outbox";
import { splitLinks } from "./linkify";

export const metadata: Metadata = { title: "Dev outbox", robots: { index: false, follow: false } };

// A repeated or empty ?to= is treated as no filter rather than an error.
const querySchema = z.object({ to: z.string().trim().min(1).optional().catch(undefined) });

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Emails the app sent without RESEND_API_KEY. Absent under NODE_ENV=production unless
 * DEV_OUTBOX=on, and then only for requests from this machine (see `features.devOutbox`).
 */
export default async function DevOutboxPage({ searchParams }: Props) {
  // Read the query before the feature check so the page is always rendered per request:
  // a build made with APP_ENV=production must not bake a 404 into a local or test run.
  const { to } = querySchema.parse(await searchParams);
  if (!features.devOutbox) notFound();
  if (features.devOutboxLoopbackOnly && !isLocalRequest(await headers())) notFound();
  const messages = await readOutbox({ to, limit: 50 });

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <header className="mb-8 space-y-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Dev outbox</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Emails the app sent while RESEND_API_KEY is unset, newest first. Set it to deliver real email.
          </p>
        </div>
        <form method="get" className="flex flex-wrap items-center gap-2">
          <label htmlFor="outbox-to" className="sr-only">
            Recipient
          </label>
          <div className="w-72">
            <Input id="outbox-to" name="to" type="email" defaultValue={to} placeholder="Filter by recipient" />
          </div>
          <button type="submit" className={buttonClasses({ variant: "secondary" })}>
            Filter
          </button>
          {to && (
            <a href="/dev/outbox" className={buttonClasses({ variant: "ghost" })}>
              Show all
            </a>
          )}
        </form>
      </header>

      {messages.length === 0 ? (
        <EmptyState
          icon={InboxIcon}
          title={to ? `No emails to ${to}` : "No emails yet"}
          description="Sign in with a magic link or invite someone, and the email shows up here."
        />
      ) : (
        <ol className="space-y-6">
          {messages.map((message, index) => (
            <li key={message.id}>
              <OutboxMessage message={message} showHtml={index === 0} />
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

function OutboxMessage({ message, showHtml }: { message: OutboxEntry; showHtml: boolean }) {
  return (
    // data-to is lower-cased so tests can find a recipient however it was typed.
    <Card data-testid="outbox-message" data-to={message.to.toLowerCase()} className="p-5">
      <article>
        <header className="mb-4">
          <h2 className="text-lg font-medium">{message.subject}</h2>
          <p className="mt-1 text-sm text-muted-foreground">
            To {message.to} · From {message.from} ·{" "}
            <time dateTime={message.createdAt}>{timeFormat.format(new Date(message.createdAt))}</time>
          </p>
        </header>
        <pre className="rounded-md bg-subtle p-4 font-sans text-sm leading-6 break-words whitespace-pre-wrap">
          {splitLinks(message.text).map((part, i) =>
            part.kind === "link" ? (
              <a key={i} href={part.value} className="break-all text-link underline">
                {part.value}
              </a>
            ) : (
              part.value
            ),
          )}
        </pre>
        <details open={showHtml} className="mt-4">
          <summary className="cursor-pointer text-sm text-muted-foreground">HTML version</summary>
          {/* An empty sandbox: the email's HTML can neither run scripts nor reach this page. */}
          <iframe
            sandbox=""
            srcDoc={message.html}
            title={`HTML version of "${message.subject}"`}
            className="mt-2 h-[560px] w-full rounded-md border bg-white"
          />
        </details>
      </article>
    </Card>
  );
}
