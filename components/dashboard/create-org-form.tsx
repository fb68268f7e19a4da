"use client";

import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import { IDEMPOTENCY_HEADER, newIdempotencyKey } from "@/lib/idempotency/header";
import { orgCreateSchema, type OrgCreateInput } from "@/lib/orgs/schemas";
import type { OrgSummary } from "@/lib/orgs/service";
import { slugify } from "@/lib/orgs/slug";
import { queryKeys } from "@/lib/query-keys";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button, buttonClasses } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PrefixedInput } from "@/components/ui/prefixed-input";

const LABELS = { name: "Name", slug: "URL" };

export function CreateOrgForm({ canCancel }: { canCancel: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  // Until someone edits the URL it follows the name, as a suggestion.
  const [customSlug, setCustomSlug] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors<"name" | "slug">>({});
  const slug = customSlug ?? (name.trim() ? slugify(name) : "");
  // One Idempotency-Key per input sent: a double submit, or a retry after a lost answer, creates
  // one org; after a change to the form the next submit is a new request with a new key.
  const sent = useRef<{ input: string; key: string } | null>(null);

  const create = useMutation({
    mutationFn: (input: OrgCreateInput) => {
      const text = JSON.stringify(input);
      if (sent.current?.input !== text) sent.current = { input: text, key: newIdempotencyKey() };
      return fetchJson<OrgSummary>("/api/v1/orgs", { method: "POST", body: input, headers: { [IDEMPOTENCY_HEADER]: sent.current.key } });
    },
    onSuccess: (org) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgs() });
      toast.success(`${org.name} is ready`);
      router.push(`/dashboard/${org.slug}/projects`);
      // Org pages already in the router cache list the orgs as they were; drop them.
      router.refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, LABELS)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A suggested URL is left to the server, which adds a suffix if it is taken.
    const parsed = orgCreateSchema.safeParse({ name, slug: customSlug ?? undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));
    setErrors({});
    create.mutate(parsed.data);
  }

  // Stays pending through the navigation that follows success.
  const pending = create.isPending || create.isSuccess;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {errors.form && <Callout tone="error">{errors.form}</Callout>}
      <Field label="Name" error={errors.name} hint="Usually your company or team name.">
        {(control) => <Input {...control} name="name" autoComplete="organization" required autoFocus value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field
        label="URL"
        optional
        error={errors.slug}
        hint={customSlug === null ? "Suggested from the name. We add a short suffix if it is taken." : "Lowercase letters, digits and hyphens."}
      >
        {(control) => (
          <PrefixedInput
            {...control}
            prefix="/dashboard/"
            name="slug"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            placeholder="your-team"
            value={slug}
            onChange={(e) => setCustomSlug(e.target.value)}
          />
        )}
      </Field>
      <div className="mt-1 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {canCancel && (
          <Link href="/dashboard" className={buttonClasses({ variant: "ghost" })}>
            Cancel
          </Link>
        )}
        <Button type="submit" loading={pending}>
          Create organization
        </Button>
      </div>
    </form>
  );
}
