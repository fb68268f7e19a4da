"use client";

import { useId, useState, type FormEvent } from "react";
import { ApiError } from "@/lib/api/fetch-json";
import type { Role } from "@/lib/db/generated/enums";
import { invitationCreateSchema, MAX_INVITES_PER_REQUEST } from "@/lib/invitations/schemas";
import type { SeatUsage as Seats } from "@/lib/members/seats";
import { grantableRoles } from "@/lib/members/rules";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { EmailChipsInput } from "./email-chips-input";
import { addEmails } from "./parse-emails";
import { roleLabel } from "./role-badge";
import { SeatUsage } from "./seat-usage";
import { useInvitationMutations } from "./use-invitations";

const ROLE_HINT: Record<Role, string> = {
  owner: "Full control, including billing and deleting the organization.",
  admin: "Manages members, invitations and settings.",
  member: "Creates and edits projects.",
  viewer: "Sees everything, changes nothing.",
};

type Problems = {
  /** Per address (lower-cased): why it cannot be invited. */
  addresses: Map<string, string>;
  /** About the list as a whole ("add at least one address"). */
  emails?: string;
  /** About the request (no seats left, a network error). */
  form?: string;
};

const noProblems = (): Problems => ({ addresses: new Map() });

/** "x is not a valid…" for our fragments; the API's messages already start with the address. */
const aboutAddress = (email: string, message: string) => (message.toLowerCase().startsWith(email.toLowerCase()) ? message : `${email} ${message}`);

/** Problems keyed by address from issues whose path is `emails.<i>`, `i` indexing `sent`. */
function problemsFrom(issues: { path: string; message: string }[], sent: string[], fallback?: string): Problems {
  const problems = noProblems();
  for (const { path, message } of issues) {
    const index = /^emails\.(\d+)$/.exec(path)?.[1];
    const email = index === undefined ? undefined : sent[Number(index)];
    if (email) problems.addresses.set(email.toLowerCase(), aboutAddress(email, message));
    else if (path === "emails") problems.emails = `Addresses ${message}.`;
    else problems.form ??= message;
  }
  if (fallback && problems.addresses.size === 0 && !problems.emails) problems.form ??= fallback;
  return problems;
}

export function InviteDialog({ open, onOpenChange, seats }: { open: boolean; onOpenChange: (open: boolean) => void; seats: Seats }) {
  const { org } = useDashboard();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Invite people" description={`Each address gets an email with a link to join ${org.name}.`}>
        {/* Mounted only while open, so every opening starts empty. */}
        <InviteForm seats={seats} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function InviteForm({ seats, onDone }: { seats: Seats; onDone: () => void }) {
  const { role: actorRole } = useDashboard();
  const roles = grantableRoles(actorRole);
  const { invite } = useInvitationMutations();
  const [emails, setEmails] = useState<string[]>([]);
  const [draft, setDraft] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("member") ? "member" : (roles[roles.length - 1] ?? "viewer"));
  const [problems, setProblems] = useState<Problems>(noProblems);
  const emailsId = useId();
  const errorsId = `${emailsId}-errors`;
  const hintId = `${emailsId}-hint`;

  const pending = addEmails(emails, draft);
  const hasEmailProblems = problems.addresses.size > 0 || Boolean(problems.emails);

  function onEmailsChange(next: string[]) {
    setEmails(next);
    // An address taken out of the list takes its problem with it.
    const kept = new Set(next.map((e) => e.toLowerCase()));
    setProblems((p) => ({ ...p, emails: undefined, addresses: new Map([...p.addresses].filter(([email]) => kept.has(email))) }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = pending;
    setEmails(sent);
    setDraft("");
    const parsed = invitationCreateSchema.safeParse({ emails: sent, role });
    if (!parsed.success) {
      return setProblems(problemsFrom(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })), sent));
    }
    setProblems(noProblems());
    invite.mutate(parsed.data, {
      onSuccess: onDone,
      onError: (error) =>
        setProblems(error instanceof ApiError ? problemsFrom(error.problem.errors ?? [], sent, error.problem.detail) : { ...noProblems(), form: errorMessage(error) }),
    });
  }

  const count = pending.length;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {problems.form && <Callout tone="error">{problems.form}</Callout>}
      <div className="grid gap-1.5">
        <label htmlFor={emailsId} className="text-sm font-medium">
          Email addresses
        </label>
        <EmailChipsInput
          id={emailsId}
          emails={emails}
          onEmailsChange={onEmailsChange}
          draft={draft}
          onDraftChange={setDraft}
          invalid={new Set(problems.addresses.keys())}
          aria-invalid={hasEmailProblems || undefined}
          aria-describedby={hasEmailProblems ? errorsId : hintId}
          disabled={invite.isPending}
        />
        {hasEmailProblems ? (
          <ul id={errorsId} className="grid gap-0.5 text-sm text-danger-text">
            {problems.emails && <li>{problems.emails}</li>}
            {[...problems.addresses.values()].map((message) => (
              <li key={message}>{message.endsWith(".") ? message : `${message}.`}</li>
            ))}
          </ul>
        ) : (
          <p id={hintId} className="text-sm text-muted-foreground">
            Separate addresses with commas, spaces or new lines; up to {MAX_INVITES_PER_REQUEST} at once.
          </p>
        )}
      </div>
      <Field label="Role" hint={ROLE_HINT[role]}>
        {(control) => (
          <Select
            {...control}
            name="role"
            value={role}
            disabled={invite.isPending}
            onChange={(e) => {
              const next = roles.find((r) => r === e.target.value);
              if (next) setRole(next);
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <SeatUsage seats={seats} adding={count} className="rounded-lg border bg-subtle px-3 py-2.5" />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={invite.isPending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={invite.isPending}>
          {count > 1 ? `Send ${count} invitations` : "Send invitation"}
        </Button>
      </DialogFooter>
    </form>
  );
}
