"use client";

import { useRef, type ClipboardEvent, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { XIcon } from "@/components/ui/icons";
import { addEmails } from "./parse-emails";

type Props = {
  id: string;
  emails: string[];
  onEmailsChange: (emails: string[]) => void;
  /** What is typed but not yet an address chip; the form adds it on submit. */
  draft: string;
  onDraftChange: (draft: string) => void;
  /** Lower-cased addresses that have a problem, shown in red. */
  invalid: ReadonlySet<string>;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  disabled?: boolean;
};

const SEPARATOR = /[\s,;]/;

/**
 * A text box that turns what is typed or pasted into one chip per address: comma, space,
 * semicolon, Enter or leaving the box completes an address; Backspace in the empty box
 * takes back the last one. Each chip has its own remove button.
 */
export function EmailChipsInput({ id, emails, onEmailsChange, draft, onDraftChange, invalid, disabled, ...aria }: Props) {
  const input = useRef<HTMLInputElement>(null);

  function commit(text: string) {
    if (text.trim()) onEmailsChange(addEmails(emails, text));
    onDraftChange("");
  }

  function onChange(value: string) {
    if (!SEPARATOR.test(value)) return onDraftChange(value);
    // Everything before the last separator is complete; what follows is still being typed.
    const cut = Math.max(...[" ", ",", ";", "\t", "\n"].map((s) => value.lastIndexOf(s)));
    onEmailsChange(addEmails(emails, value.slice(0, cut)));
    onDraftChange(value.slice(cut + 1));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" && draft.trim()) {
      // Completes the address; Enter in an empty box submits the form as usual.
      event.preventDefault();
      commit(draft);
    } else if (event.key === "Backspace" && draft === "" && emails.length > 0) {
      event.preventDefault();
      onDraftChange(emails[emails.length - 1] ?? "");
      onEmailsChange(emails.slice(0, -1));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    // A text input drops the new lines of a pasted column of addresses; split it ourselves.
    const text = event.clipboardData.getData("text");
    if (!SEPARATOR.test(text)) return;
    event.preventDefault();
    onEmailsChange(addEmails(emails, `${draft} ${text}`));
    onDraftChange("");
  }

  return (
    <div
      className={cn(
        "flex min-h-24 w-full cursor-text flex-wrap content-start items-center gap-1.5 rounded-md border border-input bg-surface p-1.5 text-sm shadow-xs transition-colors",
        "focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25",
        aria["aria-invalid"] && "border-danger focus-within:ring-danger/25",
        disabled && "cursor-not-allowed opacity-60",
      )}
      onClick={() => input.current?.focus()}
    >
      {emails.length > 0 && (
        <ul aria-label="Addresses to invite" className="contents">
          {emails.map((email) => {
            const bad = invalid.has(email.toLowerCase());
            return (
              <li
                key={email}
                className={cn(
                  "inline-flex max-w-full items-center gap-1 rounded-md py-0.5 pr-0.5 pl-2 ring-1 ring-inset",
                  bad ? "bg-danger/10 text-danger-text ring-danger/30" : "bg-muted text-foreground ring-border",
                )}
              >
                <span className="truncate">{email}</span>
                {bad && <span className="sr-only">(has a problem)</span>}
                <button
                  type="button"
                  disabled={disabled}
                  aria-label={`Remove ${email}`}
                  className="rounded p-0.5 text-muted-foreground transition-colors hover:bg-background hover:text-foreground"
                  onClick={(e) => {
                    e.stopPropagation();
                    onEmailsChange(emails.filter((x) => x !== email));
                    input.current?.focus();
                  }}
                >
                  <XIcon className="size-3.5" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        disabled={disabled}
        placeholder={emails.length ? "Add another…" : "name@company.com, another@company.com"}
        className="h-7 min-w-48 flex-1 bg-transparent px-1.5 outline-none placeholder:text-muted-foreground/80"
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => commit(draft)}
        {...aria}
      />
    </div>
  );
}
