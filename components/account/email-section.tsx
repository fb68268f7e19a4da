"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import type { PendingEmailChange } from "@/lib/account/email-change-request";
import type { Profile } from "@/lib/account/profile";
import { emailChangeRequestSchema, type EmailChangeRequestInput } from "@/lib/account/schemas";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { useReauth } from "@/components/security/reauth-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { MailIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";

const LABELS = { newEmail: "New email address" };

/** The current address, and changing it through a link sent to the new one. */
export function EmailSection({ profile }: { profile: Profile }) {
  const [pending, setPending] = useState<PendingEmailChange | null>(profile.pendingEmailChange);
  const [editing, setEditing] = useState(false);
  const [newEmail, setNewEmail] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"newEmail">>({});
  const withReauth = useReauth();

  // The API asks for a recent sign-in or the password first (the shared confirm dialog).
  const request = useMutation({
    mutationFn: (input: EmailChangeRequestInput) => withReauth(() => fetchJson<PendingEmailChange>("/api/v1/me/email", { method: "POST", body: input })),
    onSuccess: (result) => {
      setPending(result);
      setEditing(false);
      setNewEmail("");
      toast.success("Confirmation link sent", { description: `Check the inbox of ${result.newEmail}.` });
    },
    onError: (error) => setErrors(apiFieldErrors(error, LABELS)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = emailChangeRequestSchema.safeParse({ newEmail });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));
    setErrors({});
    request.mutate(parsed.data);
  }

  const showForm = !pending || editing;
  const section = (
    <CardSection
      headingId="account-email"
      title="Email address"
      description="Where sign-in links and account notices go. A new address takes effect once you confirm it from its inbox."
      footer={
        showForm && (
          <>
            {pending && (
              <Button variant="ghost" onClick={() => setEditing(false)} disabled={request.isPending}>
                Cancel
              </Button>
            )}
            <Button type="submit" loading={request.isPending}>
              Send confirmation link
            </Button>
          </>
        )
      }
    >
      <div className="grid max-w-lg gap-5">
        <div className="flex min-w-0 items-center gap-3 rounded-lg border bg-subtle px-3.5 py-3">
          <MailIcon className="size-4 shrink-0 text-muted-foreground" />
          <span className="min-w-0 flex-1 truncate text-sm font-medium">{profile.email}</span>
          {profile.emailVerified ? <Badge tone="green">Verified</Badge> : <Badge>Not verified</Badge>}
        </div>

        {pending && !editing && (
          <Callout title={`Check ${pending.newEmail}`}>
            <p>
              We sent a confirmation link to <strong className="font-medium">{pending.newEmail}</strong>. Open it within an hour to switch; until then you
              keep signing in with {profile.email}.
            </p>
            <Button
              variant="secondary"
              size="sm"
              className="mt-3"
              onClick={() => {
                setNewEmail(pending.newEmail);
                setErrors({});
                setEditing(true);
              }}
            >
              Send a new link or use another address
            </Button>
          </Callout>
        )}

        {showForm && (
          <>
            {errors.form && <Callout tone="error">{errors.form}</Callout>}
            <Field label="New email address" error={errors.newEmail}>
              {(control) => (
                <Input
                  {...control}
                  type="email"
                  name="newEmail"
                  autoComplete="email"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={newEmail}
                  onChange={(e) => setNewEmail(e.target.value)}
                />
              )}
            </Field>
          </>
        )}
      </div>
    </CardSection>
  );

  return showForm ? (
    <form onSubmit={onSubmit} noValidate>
      {section}
    </form>
  ) : (
    section
  );
}
